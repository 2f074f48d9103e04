package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Co-produced resources: a co-production lead keeps guides, Easy Read
// versions and translations, their versions and files, and credits the
// experts who agree to be credited by name.

func (s *Server) coprodResourceRoutes(h func(string, http.HandlerFunc)) {
	h("GET /coproduction/resources", s.requireCoprod(s.coprodResources))
	h("POST /coproduction/resources", s.requireCoprod(s.coprodResourceCreate))
	h("GET /coproduction/resources/{id}", s.requireCoprod(s.coprodResource))
	h("POST /coproduction/resources/{id}/versions", s.requireCoprod(s.coprodResourceVersion))
	h("POST /coproduction/resources/{id}/credits", s.requireCoprod(s.coprodResourceCredit))
	h("GET /coproduction/resources/{id}/versions/{version}", s.requireCoprod(s.coprodResourceFile))
}

// isResourceUpload reports whether path is where a resource's file is posted.
func isResourceUpload(path string) bool {
	return path == "/coproduction/resources" || strings.HasPrefix(path, "/coproduction/resources/") && strings.HasSuffix(path, "/versions")
}

// readResourceFile reads the file posted with a resource or its version.
func readResourceFile(r *http.Request, f *form) *lightbulb.FileUpload {
	name, typ, data := readUpload(r, f, "file", "The file could not be read: choose it again", lightbulb.MaxResourceBytes)
	if data == nil {
		return nil
	}
	return &lightbulb.FileUpload{Name: name, Type: typ, Data: data}
}

func (s *Server) coprodResources(w http.ResponseWriter, r *http.Request) {
	s.renderResources(w, r, nil)
}

func (s *Server) renderResources(w http.ResponseWriter, r *http.Request, formErr error) {
	all, err := s.Coprod.Resources(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "Co-produced resources", all)
	if formErr != nil {
		p.Form = r.PostForm
		s.formError(w, r, "coprod_resources", p, formErr)
		return
	}
	s.render(w, r, http.StatusOK, "coprod_resources", p)
}

func (s *Server) coprodResourceCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	res := &lightbulb.Resource{Title: f.Text("title"), Kind: f.Choice("kind", "Kind of resource", lightbulb.ResourceKinds...),
		Lang: f.Choice("lang", "Language", lightbulb.ResourceLangs...), SourceID: f.ID("source")}
	first := &lightbulb.ResourceVersion{Note: f.Text("note"), File: readResourceFile(r, f)}
	err := f.Err(res.Validate(), first.Validate())
	if err == nil {
		err = s.Coprod.CreateResource(r.Context(), res, first)
	}
	if err != nil {
		s.renderResources(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.resource.create", fmt.Sprintf("resource %d", res.ID), res.Kind+" "+res.Lang)
	s.flash(r, "The resource is saved with its first version.")
	http.Redirect(w, r, fmt.Sprintf("/coproduction/resources/%d", res.ID), http.StatusSeeOther)
}

// resourceView is one resource with the experts who can be credited.
type resourceView struct {
	*lightbulb.Resource
	Experts []*lightbulb.ExpertProfile // those who agree to be credited by name
}

func (s *Server) coprodResource(w http.ResponseWriter, r *http.Request) {
	s.renderResource(w, r, nil)
}

func (s *Server) renderResource(w http.ResponseWriter, r *http.Request, formErr error) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	res, err := s.Coprod.Resource(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	experts, err := s.Coprod.Experts(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := &resourceView{Resource: res}
	for _, e := range experts {
		if e.CreditByName {
			v.Experts = append(v.Experts, e)
		}
	}
	p := s.newPage(r, res.Title, v)
	if formErr != nil {
		p.Form = r.PostForm
		s.formError(w, r, "coprod_resource", p, formErr)
		return
	}
	s.render(w, r, http.StatusOK, "coprod_resource", p)
}

func (s *Server) coprodResourceVersion(w http.ResponseWriter, r *http.Request) {
	id, ok := s.postedPathID(w, r)
	if !ok {
		return
	}
	f := formOf(r)
	follows, _ := f.Int("follows", "Version of the original it follows", 0, 1_000_000)
	x := &lightbulb.ResourceVersion{ResourceID: id, Note: f.Text("note"), Follows: follows,
		File: readResourceFile(r, f)}
	err := f.Err(x.Validate())
	if err == nil {
		err = s.Coprod.AddVersion(r.Context(), x)
	}
	if err != nil {
		if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
			s.appError(w, r, err)
			return
		}
		s.renderResource(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.resource.version", fmt.Sprintf("resource %d", id), fmt.Sprintf("version %d", x.Version))
	s.flash(r, "Version %d is saved.", x.Version)
	http.Redirect(w, r, fmt.Sprintf("/coproduction/resources/%d", id), http.StatusSeeOther)
}

func (s *Server) coprodResourceCredit(w http.ResponseWriter, r *http.Request) {
	id, ok := s.postedPathID(w, r)
	if !ok {
		return
	}
	f := formOf(r)
	expert := f.ID("expert")
	err := f.Err()
	if err == nil {
		err = s.Coprod.Credit(r.Context(), id, expert)
	}
	if err != nil {
		if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
			s.appError(w, r, err)
			return
		}
		s.renderResource(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.resource.credit", fmt.Sprintf("resource %d", id), fmt.Sprintf("expert %d", expert))
	s.flash(r, "They are credited.")
	http.Redirect(w, r, fmt.Sprintf("/coproduction/resources/%d", id), http.StatusSeeOther)
}

// coprodResourceFile sends one version's file as a download.
func (s *Server) coprodResourceFile(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	version, err := strconv.Atoi(r.PathValue("version"))
	if !ok || err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	file, err := s.Coprod.ResourceFile(r.Context(), id, version)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.resource.file", fmt.Sprintf("resource %d", id), fmt.Sprintf("version %d", version))
	w.Header().Set("Content-Type", file.Type)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="resource-%d-v%d%s"`, id, version, file.Ext()))
	_, _ = w.Write(file.Data)
}
