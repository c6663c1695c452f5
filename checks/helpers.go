package checks

import "github.com/certready/certready/internal/dossier"

// docsOfKind returns the documents of any of the kinds, in dossier order,
// as pointers into d.Documents.
func docsOfKind(d *dossier.Dossier, kinds ...string) []*dossier.Document {
	var out []*dossier.Document
	for i := range d.Documents {
		for _, k := range kinds {
			if d.Documents[i].Kind == k {
				out = append(out, &d.Documents[i])
				break
			}
		}
	}
	return out
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
	return ev != nil && ev.Exists
}
