//go:build !race

package xlsxstream

const raceEnabled = false
