package dossier

// SliceLog is a complaint log held in memory: for YAML logs and tests,
// which are small. Large logs stream from CSV or xlsx instead.
type SliceLog struct {
	Name string
	Rows []Complaint
}

// Each calls fn with a copy of each row in a reused value, as the
// streaming readers do, so consumers cannot come to rely on stable pointers.
func (l *SliceLog) Each(fn func(*Complaint) error) error {
	var c Complaint
	for i := range l.Rows {
		c = l.Rows[i]
		if err := fn(&c); err != nil {
			return err
		}
	}
	return nil
}

// Source names the log.
func (l *SliceLog) Source() string { return l.Name }

// Path is the file the log was read from (its Name).
func (l *SliceLog) Path() string { return l.Name }
