// Command certready audits an organisation's readiness for ISO 10002:2018 /
// GB/T 19012-2019 complaints-handling certification.
package main

import (
	"os"

	"github.com/certready/certready/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
