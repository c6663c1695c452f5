package testtool

import "testing"

func TestFindReportsWhetherAProgramIsInstalled(t *testing.T) {
	t.Setenv("CI", "") // off CI a missing program is reported, not fatal
	if p, ok := Find(t, "sh"); !ok || p == "" {
		t.Errorf("sh not found: %q %v", p, ok)
	}
	if p, ok := Find(t, "certready-no-such-program"); ok || p != "" {
		t.Errorf("a missing program was found: %q", p)
	}
}
