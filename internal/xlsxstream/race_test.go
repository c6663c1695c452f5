//go:build race

package xlsxstream

// raceEnabled: the race detector slows the property test about tenfold;
// it runs fewer seeds then (the concurrency it checks is the same).
const raceEnabled = true
