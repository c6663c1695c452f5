package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/infile"
	"github.com/certready/certready/internal/load"
)

// Caps on the inputs named by flags rather than found in the dossier. A
// JSON report of a 1M-row log is a few megabytes; a CJK TrueType font is
// up to a few tens.
const (
	maxReportBytes = 256 << 20
	maxFontBytes   = 64 << 20
)

// loadDossier loads a dossier with the limits the person running
// certready set in the environment, and passes on the configuration's
// notes (a limits section the dossier may no longer set) as warnings.
func loadDossier(env Env, path, configPath string) (*load.Result, error) {
	lim, err := config.LimitsFromEnv(env.Getenv)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	res, err := load.Load(path, load.Options{ConfigPath: configPath, Limits: &lim})
	if res != nil {
		for _, n := range res.Config.Notes {
			fmt.Fprintln(env.Err, "certready: warning:", n)
		}
	}
	return res, err
}

// readInput reads a file named by a flag through infile: a FIFO or a
// device there is refused, not waited on or read forever.
func readInput(flag, path string, limit int64) ([]byte, error) {
	b, err := infile.ReadFile(path, limit, "")
	if err != nil {
		return nil, usageErr("%s: %w", flag, err)
	}
	return b, nil
}

// inputsOf lists the files a loaded dossier was read from: its workbook or
// record files, the complaint log, the configuration and every evidence
// file. An output may not be any of them.
func inputsOf(res *load.Result, extra ...string) []string {
	var out []string
	if res != nil {
		d := res.Dossier
		out = append(out, d.Source)
		for _, p := range d.Places {
			out = append(out, p.File)
		}
		for rel := range d.Evidence {
			out = append(out, filepath.Join(d.Root, filepath.FromSlash(rel)))
		}
		if d.Complaints != nil {
			if pl, ok := d.Complaints.(interface{ Path() string }); ok {
				out = append(out, pl.Path())
			}
		}
		if res.Config.Path != "" {
			out = append(out, res.Config.Path)
		}
	}
	for _, e := range extra {
		if e != "" {
			out = append(out, e)
		}
	}
	return out
}

// checkOutput refuses, before anything is written, an output path that is
// not a regular file (a device, a FIFO: standard output is spelled -), or
// that is one of the run's inputs under any name (a symlink, a hard link,
// ../dossier/organisation.yaml): writing the report there would destroy
// the records it reports on.
func checkOutput(flag, path string, inputs []string) error {
	if path == "-" || path == "" {
		return nil
	}
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return usageErr("%s %s: %v", flag, path, err)
	}
	if !st.Mode().IsRegular() {
		return usageErr("%s %s: exists and is not a regular file; write to a regular file, or to standard output with -", flag, path)
	}
	for _, in := range inputs {
		ist, err := os.Stat(in)
		if err == nil && os.SameFile(st, ist) {
			return usageErr("%s %s: this is an input of the run (%s); writing there would destroy it", flag, path, in)
		}
	}
	return nil
}
