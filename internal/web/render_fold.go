package web

import (
	"html/template"
	"io"
	"strings"
	"text/template/parse"
)

// Once translations are constants (render_translate.go), html/template
// still writes each through its escaper, a reflective call on every
// request: a long page such as the dashboard has sixty. After a page's set
// is escaped, each action that writes a quoted constant through the text,
// attribute or RCDATA escaper (the three write a plain string the same way)
// becomes the escaped text itself. Actions in URLs, scripts and styles, and
// anything but a lone constant, are left as they are.
// TestFoldedConstantsMatch compares the HTML with and without.

// foldEscapedConstants escapes the set's page templates (running each on a
// value that stops at its first field) and folds their constants.
func foldEscapedConstants(t *template.Template) {
	for _, name := range []string{"content", "error-summary", "scripts"} {
		if t.Lookup(name) != nil {
			escapeNow(t, name)
		}
	}
	for _, x := range t.Templates() {
		if x.Tree != nil {
			foldList(x.Tree.Root)
		}
	}
}

// escapeNow makes html/template escape the template name: it does so on its
// first execution, before running it. The run itself stops at the first
// field the empty value lacks; what it writes is thrown away.
func escapeNow(t *template.Template, name string) {
	defer func() { _ = recover() }()
	_ = t.ExecuteTemplate(io.Discard, name, struct{}{})
}

func foldList(l *parse.ListNode) {
	if l == nil {
		return
	}
	for i, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if s, ok := escapedConstant(n.Pipe); ok {
				l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(s)}
			}
		case *parse.IfNode:
			foldList(n.List)
			foldList(n.ElseList)
		case *parse.RangeNode:
			foldList(n.List)
			foldList(n.ElseList)
		case *parse.WithNode:
			foldList(n.List)
			foldList(n.ElseList)
		}
	}
}

// foldable are html/template's escapers that write a plain string as
// escapeHTML does.
var foldable = map[string]bool{
	"_html_template_htmlescaper":   true,
	"_html_template_attrescaper":   true,
	"_html_template_rcdataescaper": true,
}

// escapedConstant is what an escaped pipeline `"constant" | escaper` writes,
// when it is exactly that and the escaper is foldable.
func escapedConstant(p *parse.PipeNode) (string, bool) {
	if p == nil || len(p.Decl) > 0 || p.IsAssign || len(p.Cmds) != 2 || len(p.Cmds[0].Args) != 1 || len(p.Cmds[1].Args) != 1 {
		return "", false
	}
	s, ok := p.Cmds[0].Args[0].(*parse.StringNode)
	if !ok {
		return "", false
	}
	if id, ok := p.Cmds[1].Args[0].(*parse.IdentifierNode); !ok || !foldable[id.Ident] {
		return "", false
	}
	var b strings.Builder
	escapeHTML(&b, s.Text)
	return b.String(), true
}
