// Package cn holds the China-specific primitives that a GB/T 19012-2019
// (ISO 10002:2018) readiness audit keeps needing: validators for the
// identifiers that appear in complaint records and licences (unified social
// credit code, organisation code, resident identity number), masking helpers
// so that evidence packs can be shared without breaching the Personal
// Information Protection Law, and the statutory working-day calendar that
// response-time commitments are measured against.
//
// Everything here is pure: validators never fail with an error, they return
// a result that lists every problem found, because an audit report is more
// useful when it shows all defects of an identifier at once than when it
// stops at the first. Problems carry a stable machine code plus English and
// Chinese text so that reports can be rendered in either language without
// string matching.
package cn
