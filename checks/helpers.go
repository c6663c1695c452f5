package checks

import (
	"slices"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/vocab"
)

// where returns pointers to the records of xs that keep accepts, in order,
// so that a check can point a finding at the record itself.
func where[T any](xs []T, keep func(*T) bool) []*T {
	var out []*T
	for i := range xs {
		if keep(&xs[i]) {
			out = append(out, &xs[i])
		}
	}
	return out
}

// docsOfKind returns the documents of any of the kinds, in dossier order.
func docsOfKind(d *dossier.Dossier, kinds ...string) []*dossier.Document {
	return where(d.Documents, func(doc *dossier.Document) bool { return slices.Contains(kinds, doc.Kind) })
}

// uncovered returns the elements of want that none of docs declares, in
// the order given.
func uncovered(docs []*dossier.Document, want []string) []string {
	var missing []string
	for _, e := range want {
		found := false
		for _, doc := range docs {
			if doc.CoversElement(e) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, e)
		}
	}
	return missing
}

// evidenceExists reports whether a referenced evidence file was found in
// the dossier. Checks never stat files themselves: the loader did.
func evidenceExists(d *dossier.Dossier, path string) bool {
	ev := d.EvidenceFor(path)
	// An empty file, a blank PDF or an unfilled template is a
	// placeholder, not evidence.
	return ev != nil && ev.Exists && ev.Size > 0 && !ev.Placeholder()
}

// docFiled reports whether a document's file is in the dossier in
// substance. A form or record template is meant to be filled in by its
// users, so its blanks do not make it a placeholder.
func docFiled(d *dossier.Dossier, doc *dossier.Document) bool {
	if ev := d.EvidenceFor(doc.File); ev != nil && ev.Exists && ev.Size > 0 && ev.Content == dossier.ContentTemplate && isFormKind(doc.Kind) {
		return true
	}
	return evidenceExists(d, doc.File)
}

// noneOf says that not one of n records does something, agreeing in
// number: "the one document is not" for 1, "none of the 3 documents is"
// otherwise (one and many are the verb phrases for each case).
func noneOf(n int, noun, one, many string) string {
	if n == 1 {
		return "the one " + noun + " " + one
	}
	return "none of the " + vocab.Count(n, noun) + " " + many
}

// capitalise upper-cases the first letter of an English sentence.
func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// requireKind reports, at the documents register, that no document of the
// kinds is registered, and returns the registered ones whose file is in the
// dossier. A registered document whose file is missing or empty is
// docs.control's finding: it is not reported a second time here, and it
// does not count as present either.
func requireKind(p *Pass, record string, msg Text, kinds ...string) (filed []*dossier.Document, registered bool) {
	docs := docsOfKind(p.Dossier, kinds...)
	if len(docs) == 0 {
		p.Reportf(p.Dossier.PlaceOf("documents"), record, msg)
		return nil, false
	}
	filed, _ = docsWithFile(p.Dossier, docs)
	return filed, true
}
