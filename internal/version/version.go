// Package version says which build of certready is running. The version
// comes from the build itself (runtime/debug.ReadBuildInfo): the module
// version `go install …@vX.Y.Z` records, or the one the go command derives
// from the repository's tag and commit, and the VCS revision when the
// binary was built from a checkout. A release build may set it instead with
//
//	-ldflags "-X github.com/certready/certready/internal/version.version=v1.2.3"
//
// Every output that names the version (reports, SARIF, MANIFEST, the
// evidence pack) prints Info.Version, through the CLI's environment, so
// all outputs of one binary agree.
package version

import (
	"runtime/debug"
	"strings"
)

// version and revision are empty unless set with -ldflags -X; a value set
// there takes precedence over the build info.
var (
	version  string
	revision string
)

// Devel is the version of a build that records none: `go build` or
// `go test` without VCS stamping.
const Devel = "devel"

// Info describes one build.
type Info struct {
	Version  string // "v1.2.3", a pseudo-version, or Devel
	Revision string // VCS commit, "" when unknown
	Time     string // commit time (RFC 3339), "" when unknown
	Modified bool   // built from a work tree with uncommitted changes
}

// Get returns the running binary's build information.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return FromBuildInfo(bi, version, revision)
}

// FromBuildInfo reads bi (which may be nil), with ldflags values taking
// precedence when not empty. It is separate from Get so the rules can be
// tested without building binaries.
func FromBuildInfo(bi *debug.BuildInfo, ldVersion, ldRevision string) Info {
	var in Info
	if bi != nil {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			in.Version = v
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				in.Revision = s.Value
			case "vcs.time":
				in.Time = s.Value
			case "vcs.modified":
				in.Modified = s.Value == "true"
			}
		}
	}
	if ldVersion != "" {
		in.Version = ldVersion
	}
	if ldRevision != "" {
		in.Revision = ldRevision
	}
	if in.Version == "" {
		in.Version = Devel
	}
	return in
}

// String is the one-line description printed by --version:
// "v1.2.3 (revision 0123abcd…, 2026-11-29T20:00:00Z)".
func (in Info) String() string {
	var extra []string
	if in.Revision != "" {
		r := "revision " + in.Revision
		if in.Modified {
			r += ", modified"
		}
		extra = append(extra, r)
	}
	if in.Time != "" {
		extra = append(extra, in.Time)
	}
	if len(extra) == 0 {
		return in.Version
	}
	return in.Version + " (" + strings.Join(extra, ", ") + ")"
}
