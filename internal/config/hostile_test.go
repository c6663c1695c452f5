//go:build unix

package config

import (
	"errors"
	"math"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/certready/certready/internal/infile"
)

func TestAThresholdThatIsNotFiniteIsRefusedByName(t *testing.T) {
	for _, v := range []string{".nan", ".inf", "-.inf", ".NaN"} {
		_, err := Load(write(t, "thresholds:\n  ack_hours: "+v+"\n"), false)
		if err == nil || !strings.Contains(err.Error(), "ack_hours") || !strings.Contains(err.Error(), "finite") {
			t.Errorf("ack_hours: %s: got %v", v, err)
		}
	}
}

func TestTheDossierCannotSetItsOwnLimits(t *testing.T) {
	c, err := Load(write(t, "lang: en\nlimits:\n  max_yaml_nodes: 1000000000000\n  max_yaml_bytes: 99999999999\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if c.Limits != DefaultLimits() {
		t.Errorf("the file changed the limits: %+v", c.Limits)
	}
	if len(c.Notes) != 1 || !strings.Contains(c.Notes[0], ":3:3: limits: ignored") {
		t.Errorf("want one note placing the ignored section; got %q", c.Notes)
	}
}

func TestLimitsFromTheEnvironmentAreBounded(t *testing.T) {
	env := func(k, v string) func(string) string {
		return func(n string) string {
			if n == k {
				return v
			}
			return ""
		}
	}
	l, err := LimitsFromEnv(env("CERTREADY_MAX_YAML_NODES", "5000"))
	if err != nil || l.MaxYAMLNodes != 5000 {
		t.Errorf("a valid limit: %+v, %v", l, err)
	}
	for _, bad := range []string{"0", "-1", "NaN", "1e9", "9223372036854775807", "x"} {
		if _, err := LimitsFromEnv(env("CERTREADY_MAX_YAML_NODES", bad)); err == nil || !strings.Contains(err.Error(), "CERTREADY_MAX_YAML_NODES") {
			t.Errorf("CERTREADY_MAX_YAML_NODES=%s: got %v", bad, err)
		}
	}
}

func TestAConfigurationThatIsAFIFOOrADeviceIsRefusedWithoutBlocking(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), FileName)
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, p := range []string{fifo, "/dev/zero"} {
		done := make(chan error, 1)
		go func() { _, err := Load(p, true); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, infile.ErrNotRegular) {
				t.Errorf("%s: got %v, want not a regular file", p, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still reading after 10s", p)
		}
	}
}

// FuzzLoad: any file as certready.yaml loads or fails with an error that
// names the file; it never panics, and what loads has finite thresholds
// and the runner's limits.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"", "lang: zh\n", "thresholds:\n  ack_hours: .nan\n", "limits:\n  max_yaml_nodes: 1\n",
		"waivers:\n- check: x\n  justification: y\n  expires: 2026-13-40\n", "calendar:\n  2026:\n    holidays: [2026-01-01]\n",
		"complaints:\n  columns: {a: b}\n", "&a [*a]", "thresholds: {cutoff: '25:99'}\n", "\xff\xfe", "a: !!binary x\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := write(t, string(data))
		c, err := Load(p, false)
		if err != nil {
			if !strings.Contains(err.Error(), p) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		th := c.Thresholds
		for _, v := range []float64{th.AckHours, th.ResponseHours, th.TrainingHours, th.BudgetRatio, th.ComplianceRate} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("a threshold loaded as %v", v)
			}
		}
		if c.Limits != DefaultLimits() {
			t.Fatalf("the file set limits: %+v", c.Limits)
		}
	})
}
