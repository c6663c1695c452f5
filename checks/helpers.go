package checks

import (
	"slices"

	"github.com/certready/certready/internal/dossier"
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
	// An empty file is a placeholder, not evidence.
	return ev != nil && ev.Exists && ev.Size > 0
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
