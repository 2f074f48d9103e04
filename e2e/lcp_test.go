package e2e

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// lcpPages are the pages BenchmarkLCP loads: visitors' pages without an
// account, the rest as a lead of the demo trust.
var lcpPages = []struct {
	path string
	as   string // "" for a visitor
}{
	{"/rights", ""},
	{"/rights/A8", ""},
	{"/sign-in", ""},
	{"/training", ""},
	{"/dashboard", "lead@northbridge.test"},
	{"/decisions", "lead@northbridge.test"},
	{"/cases", "lead@northbridge.test"},
}

// lcpThrottle is how slow the phone and its network are. The defaults are
// Lighthouse's mobile settings: a CPU 4 times slower than this machine's,
// 150 ms round trips, 1.6 Mbit/s down and 750 kbit/s up. Chromium adds the
// latency to every request, as DevTools does; LIGHTBULB_LCP_RTT,
// LIGHTBULB_LCP_DOWN_KBPS and LIGHTBULB_LCP_CPU change them (DevTools' own
// "Slow 4G" preset is 562.5 ms and 1,440 kbit/s).
type lcpThrottle struct {
	rttMs, downKbps, upKbps, cpu float64
}

func lcpSettings(b *testing.B) lcpThrottle {
	s := lcpThrottle{rttMs: 150, downKbps: 1638.4, upKbps: 750, cpu: 4}
	for env, v := range map[string]*float64{"LIGHTBULB_LCP_RTT": &s.rttMs, "LIGHTBULB_LCP_DOWN_KBPS": &s.downKbps, "LIGHTBULB_LCP_CPU": &s.cpu} {
		if e := os.Getenv(env); e != "" {
			f, err := strconv.ParseFloat(e, 64)
			if err != nil || f <= 0 {
				b.Fatalf("%s=%q: want a positive number", env, e)
			}
			*v = f
		}
	}
	return s
}

// BenchmarkLCP loads each main page cold (no cache) in Chromium throttled
// like a mid-range phone on a slow mobile network, and reports its largest
// contentful paint, first contentful paint and bytes on the wire, as the
// page's own PerformanceObserver saw them. It is a benchmark, so `make
// test` never runs it:
//
//	LIGHTBULB_E2E=1 go test ./e2e -run '^$' -bench LCP -benchtime 5x
//
// Each sub-benchmark's lcp-ms is the mean of its loads. LIGHTBULB_LCP_REQUESTS=1
// also logs each load's requests: when each began and ended, its bytes and
// whether it blocked rendering.
func BenchmarkLCP(b *testing.B) {
	if browserCtx == nil {
		b.Fatal("no browser: TestMain did not run the setup")
	}
	set := lcpSettings(b)
	b.Logf("throttling: CPU %gx, %g ms round trip, %g kbit/s down, %g kbit/s up, 412x823 mobile viewport",
		set.cpu, set.rttMs, set.downKbps, set.upKbps)
	tabs := map[string]context.Context{}
	for _, p := range lcpPages {
		ctx, ok := tabs[p.as]
		if !ok {
			ctx = lcpTab(b, p.as, set)
			tabs[p.as] = ctx
		}
		b.Run(strings.TrimPrefix(slug(p.path), "-"), func(b *testing.B) {
			var lcp, fcp, kb float64
			for b.Loop() {
				m := lcpLoad(b, ctx, p.path)
				lcp, fcp, kb = lcp+m.LCP, fcp+m.FCP, kb+m.Bytes/1000
			}
			n := float64(b.N)
			b.ReportMetric(lcp/n, "lcp-ms")
			b.ReportMetric(fcp/n, "fcp-ms")
			b.ReportMetric(kb/n, "wire-kB")
		})
	}
}

// lcpTab opens an incognito tab, signs in as email unless it is empty, and
// then turns the throttling on.
func lcpTab(b *testing.B, email string, set lcpThrottle) context.Context {
	b.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	b.Cleanup(cancel)
	if email != "" {
		err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/sign-in"),
			chromedp.SendKeys(chromedp.CSS("#email"), email),
			chromedp.SendKeys(chromedp.CSS("#password"), demoPassword),
			chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`a[href="/dashboard"]`)))
		if err != nil {
			b.Fatalf("sign in as %s: %v", email, err)
		}
	}
	kbps := func(k float64) float64 { return k * 1000 / 8 }
	steps := []func(context.Context) error{
		func(ctx context.Context) error { return chromedp.Do(ctx, chromedp.Navigate("about:blank")) },
		func(ctx context.Context) error {
			_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
			return err
		},
		func(ctx context.Context) error {
			_, err := chromedp.Call(ctx, emulateNetwork, emulateNetworkParams{Latency: set.rttMs,
				DownloadThroughput: kbps(set.downKbps), UploadThroughput: kbps(set.upKbps)})
			return err
		},
		func(ctx context.Context) error {
			_, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: set.cpu})
			return err
		},
		func(ctx context.Context) error {
			_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width: 412, Height: 823, DeviceScaleFactor: 1.75, Mobile: true})
			return err
		},
		func(ctx context.Context) error {
			_, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
			return err
		},
	}
	for i, step := range steps {
		if err := step(ctx); err != nil {
			b.Fatalf("set up throttling, step %d: %v", i+1, err)
		}
	}
	return ctx
}

// emulateNetwork is Network.emulateNetworkConditions, which this Chromium
// (148) still takes; cdproto now offers only its successor, ...ByRule, whose
// parameters this Chromium refuses.
var emulateNetwork = cdp.Command[emulateNetworkParams, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

type emulateNetworkParams struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`            // ms added to each request
	DownloadThroughput float64 `json:"downloadThroughput"` // bytes a second
	UploadThroughput   float64 `json:"uploadThroughput"`
}

// lcpMeasure is what one load measured.
type lcpMeasure struct {
	LCP, FCP, Bytes float64
	Status          int
	Requests        string // each request's start and end, size and name

}

// lcpScript waits until the page has loaded, then reads the last
// largest-contentful-paint entry the page's own observer was given, the
// first contentful paint and the bytes every request moved.
const lcpScript = `new Promise(resolve => {
  const done = () => {
    let lcp = 0;
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) lcp = e.startTime;
    }).observe({type: "largest-contentful-paint", buffered: true});
    setTimeout(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      const bytes = performance.getEntriesByType("resource").reduce((n, r) => n + r.transferSize, nav.transferSize);
      const ms = t => Math.round(t);
      const rows = [nav, ...performance.getEntriesByType("resource")].map(r =>
        ms(r.startTime) + "-" + ms(r.responseEnd) + " ms " + r.transferSize + " B " + (r.renderBlockingStatus || "") + " " + r.name.replace(location.origin, ""));
      resolve({LCP: lcp, FCP: fcp ? fcp.startTime : 0, Bytes: bytes, Status: nav.responseStatus, Requests: rows.join("\n")});
    }, 500);
  };
  if (document.readyState === "complete") done(); else addEventListener("load", done);
})`

// lcpLoad opens path in ctx's tab with the browser's cache emptied.
func lcpLoad(b *testing.B, ctx context.Context, path string) lcpMeasure {
	b.Helper()
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		b.Fatalf("clear the cache: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(baseURL+path)); err != nil {
		b.Fatalf("open %s: %v", path, err)
	}
	m, err := chromedp.Run(ctx, chromedp.Evaluate[lcpMeasure](lcpScript, chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatalf("measure %s: %v", path, err)
	}
	if m.Status != 200 || m.LCP <= 0 {
		b.Fatalf("%s: HTTP %d, largest contentful paint %v: not a page that was measured", path, m.Status, m.LCP)
	}
	if os.Getenv("LIGHTBULB_LCP_REQUESTS") != "" {
		b.Logf("%s: LCP %.0f ms, FCP %.0f ms\n%s", path, m.LCP, m.FCP, m.Requests)
	}
	return m
}
