package version

import (
	"runtime/debug"
	"testing"
)

func TestTheBuildInfoGivesVersionAndRevision(t *testing.T) {
	bi := &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/certready/certready", Version: "v1.2.3"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2026-11-29T20:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	got := FromBuildInfo(bi, "", "")
	want := Info{Version: "v1.2.3", Revision: "0123456789abcdef0123456789abcdef01234567", Time: "2026-11-29T20:00:00Z", Modified: true}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	if s := got.String(); s != "v1.2.3 (revision 0123456789abcdef0123456789abcdef01234567, modified, 2026-11-29T20:00:00Z)" {
		t.Errorf("String() = %q", s)
	}
}

func TestLdflagsOverrideTheBuildInfo(t *testing.T) {
	bi := &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "aaaa"}}}
	got := FromBuildInfo(bi, "v9.9.9", "bbbb")
	if got.Version != "v9.9.9" || got.Revision != "bbbb" {
		t.Errorf("got %+v, want the -ldflags values", got)
	}
}

func TestABuildWithoutAVersionIsDevel(t *testing.T) {
	for name, bi := range map[string]*debug.BuildInfo{
		"no build info": nil,
		"(devel)":       {Main: debug.Module{Version: "(devel)"}},
		"empty":         {},
	} {
		got := FromBuildInfo(bi, "", "")
		if got.Version != Devel || got.Revision != "" || got.String() != Devel {
			t.Errorf("%s: got %+v (%q), want %q alone", name, got, got.String(), Devel)
		}
	}
}
