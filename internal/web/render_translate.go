package web

import (
	"html/template"
	"strconv"
	"text/template/parse"

	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// Each page is parsed once for each language, and every call of T with one
// quoted argument and nothing else ({{.T "Menu"}}, {{$.T "Menu"}},
// {{.P.T "Menu"}}) is replaced by its translation as a quoted constant
// before html/template escapes the page. A method call from a template goes
// through reflection (about 3 µs and 8 allocations each on the shared
// machine); a constant costs a fifth of that, and html/template escapes it
// exactly as it escaped T's result, so the HTML is unchanged. Only *Page has
// a method T, and one Page, in one language, renders a request, so every such
// call in a set chosen by the page's language returns this constant. Calls
// with arguments ({{.T "%d cases" .N}}) still run.

// translateStatic rewrites every template of the set t for lang.
func translateStatic(t *template.Template, lang string) {
	for _, x := range t.Templates() {
		if x.Tree != nil {
			translateNode(x.Tree.Root, lang)
		}
	}
}

func translateNode(n parse.Node, lang string) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			translateNode(c, lang)
		}
	case *parse.ActionNode:
		translatePipe(n.Pipe, lang)
	case *parse.TemplateNode:
		translatePipe(n.Pipe, lang)
	case *parse.IfNode:
		translateBranch(&n.BranchNode, lang)
	case *parse.RangeNode:
		translateBranch(&n.BranchNode, lang)
	case *parse.WithNode:
		translateBranch(&n.BranchNode, lang)
	}
}

func translateBranch(b *parse.BranchNode, lang string) {
	translatePipe(b.Pipe, lang)
	translateNode(b.List, lang)
	translateNode(b.ElseList, lang)
}

func translatePipe(p *parse.PipeNode, lang string) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		for _, a := range c.Args {
			if sub, ok := a.(*parse.PipeNode); ok {
				translatePipe(sub, lang)
			}
		}
		// Only a pipeline's first command: a later one is also given the
		// value piped into it.
		if key, ok := staticT(c); ok && i == 0 {
			s := c.Args[1].(*parse.StringNode)
			s.Text = i18n.T(lang, key)
			s.Quoted = strconv.Quote(s.Text)
			c.Args = c.Args[1:]
		}
	}
}

// staticT reports whether c is a call of a method T with one quoted
// argument, and returns that argument.
func staticT(c *parse.CommandNode) (string, bool) {
	if len(c.Args) != 2 {
		return "", false
	}
	s, ok := c.Args[1].(*parse.StringNode)
	if !ok {
		return "", false
	}
	var idents []string
	switch f := c.Args[0].(type) {
	case *parse.FieldNode:
		idents = f.Ident
	case *parse.VariableNode:
		idents = f.Ident
	default:
		return "", false
	}
	return s.Text, len(idents) > 0 && idents[len(idents)-1] == "T"
}
