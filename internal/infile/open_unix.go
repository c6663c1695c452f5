//go:build unix

package infile

import "syscall"

// openFlags opens without blocking: opening a FIFO for reading otherwise
// waits for a writer, before the type can be checked.
const openFlags = syscall.O_NONBLOCK
