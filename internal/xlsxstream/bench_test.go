package xlsxstream

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// benchRows is the size of the generated log: CERTREADY_BENCH_ROWS, or
// 100,000.
func benchRows(b *testing.B) int {
	n := 100_000
	if s := os.Getenv("CERTREADY_BENCH_ROWS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			b.Fatalf("CERTREADY_BENCH_ROWS=%q is not a row count", s)
		}
		n = v
	}
	return n
}

// benchWorkbook returns a complaint log of n rows × 20 columns written by
// excelize's StreamWriter. It is kept in the repository's git-ignored
// .bench directory when that exists (make bench creates it), so the
// million-row file is written once; otherwise in a temporary directory.
func benchWorkbook(b *testing.B, n int) string {
	dir := b.TempDir()
	if _, err := os.Stat("../../.bench"); err == nil {
		dir = "../../.bench"
	}
	path := filepath.Join(dir, fmt.Sprintf("xlsxstream-%d.xlsx", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	b.Logf("writing %s", path)
	if err := writeComplaintLog(path+".part.xlsx", n); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(path+".part.xlsx", path); err != nil {
		b.Fatal(err)
	}
	return path
}

// writeComplaintLog writes a complaint log shaped like a real export: ids,
// date-times as serials in a date format, a few repeated categories, free
// Chinese text, numbers.
func writeComplaintLog(path string, n int) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy/m/d h:mm")})
	if err != nil {
		return err
	}
	header := []any{"投诉编号", "受理时间", "投诉渠道", "投诉类别", "复杂程度", "风险等级", "投诉内容", "投诉人", "联系电话", "电子邮箱",
		"确认时间", "首次答复时间", "处理步骤", "更新次数", "解决时间", "关闭时间", "状态", "处理人", "满意度", "费用"}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	channels := []string{"电话", "网站", "微信", "门店", "信函", "邮件"}
	categories := []string{"产品质量", "服务态度", "交付延迟", "收费争议", "隐私", "其他"}
	words := []string{"客户", "反映", "产品", "质量", "问题", "希望", "尽快", "处理", "退款", "更换", "服务", "态度", "不满意", "已经", "多次", "联系"}
	handlers := []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊"}
	base := 45658.0 // 2025-01-01
	row := make([]any, 20)
	for i := 0; i < n; i++ {
		recv := base + float64(i)*0.0005 + rng.Float64()*0.01
		desc := make([]byte, 0, 96)
		for w := 0; w < 8+rng.IntN(8); w++ {
			desc = append(desc, words[rng.IntN(len(words))]...)
		}
		row[0] = fmt.Sprintf("TS-2025-%07d", i+1)
		row[1] = excelize.Cell{StyleID: dateStyle, Value: recv}
		row[2] = channels[rng.IntN(len(channels))]
		row[3] = categories[rng.IntN(len(categories))]
		row[4] = []string{"simple", "complex"}[rng.IntN(2)]
		row[5] = []string{"low", "medium", "high"}[rng.IntN(3)]
		row[6] = string(desc)
		row[7] = handlers[rng.IntN(len(handlers))] + "先生"
		row[8] = fmt.Sprintf("138%08d", rng.IntN(100000000))
		row[9] = fmt.Sprintf("user%d@example.cn", rng.IntN(100000))
		row[10] = excelize.Cell{StyleID: dateStyle, Value: recv + 0.2}
		row[11] = excelize.Cell{StyleID: dateStyle, Value: recv + 1.1}
		row[12] = "核实情况；联系客户；提出方案"
		row[13] = rng.IntN(5)
		row[14] = excelize.Cell{StyleID: dateStyle, Value: recv + 2.5}
		row[15] = excelize.Cell{StyleID: dateStyle, Value: recv + 3}
		row[16] = "closed"
		row[17] = handlers[rng.IntN(len(handlers))]
		row[18] = []string{"satisfied", "neutral", "dissatisfied"}[rng.IntN(3)]
		row[19] = float64(rng.IntN(10000)) / 100
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

func ptr[T any](v T) *T { return &v }

// BenchmarkRows reads the whole generated log with this package.
func BenchmarkRows(b *testing.B) {
	path := benchWorkbook(b, benchRows(b))
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		bk, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := bk.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		nrows, ncells := 0, 0
		for rows.Next() {
			_, cells := rows.Row()
			nrows++
			ncells += len(cells)
		}
		if err := rows.Err(); err != nil {
			b.Fatal(err)
		}
		rows.Close()
		bk.Close()
		b.ReportMetric(float64(nrows), "rows")
		b.ReportMetric(float64(ncells), "cells")
		b.Logf("xlsxstream: %d rows, %d cells in %v", nrows, ncells, time.Since(start))
	}
}

// BenchmarkExcelizeRows reads the same file with excelize's iterator and
// raw values, for comparison.
func BenchmarkExcelizeRows(b *testing.B) {
	path := benchWorkbook(b, benchRows(b))
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		tmp := b.TempDir()
		f, err := excelize.OpenFile(path, excelize.Options{UnzipXMLSizeLimit: 64 << 20, TmpDir: tmp})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		nrows, ncells := 0, 0
		for rows.Next() {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				b.Fatal(err)
			}
			nrows++
			ncells += len(cells)
		}
		rows.Close()
		f.Close()
		b.ReportMetric(float64(nrows), "rows")
		b.ReportMetric(float64(ncells), "cells")
		b.Logf("excelize: %d rows, %d cells in %v", nrows, ncells, time.Since(start))
	}
}

// BenchmarkScan measures the scanner alone, over sheet XML already
// inflated into memory.
func BenchmarkScan(b *testing.B) {
	path := benchWorkbook(b, min(benchRows(b), 100_000))
	bk, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer bk.Close()
	rc, err := bk.openPart(bk.parts[bk.sheets[0].part])
	if err != nil {
		b.Fatal(err)
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		r := &Rows{book: bk, sheet: "Sheet1", w: newWindow(io.NopCloser(bytes.NewReader(data)), Options{NoPrefetch: true}.withDefaults(), uint64(len(data)))}
		r.parse = r.parseUnit
		n := 0
		for r.Next() {
			n++
		}
		if r.Err() != nil || n == 0 {
			b.Fatal(r.Err(), n)
		}
	}
}
