package e2e

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// narrowWidth is the width WCAG 2.2's Reflow criterion (1.4.10) asks a page
// to fit without scrolling in two directions: 320 CSS pixels.
const narrowWidth = 320

// overflowProbe returns nothing when the page fits the window's width, and
// otherwise names up to five elements that stick out (outside the table
// scroll regions, which may scroll on their own).
const overflowProbe = `(() => {
  const root = document.documentElement, w = root.clientWidth, x = window.scrollX;
  // Print has its own page sizes: only screens must reflow.
  if (root.scrollWidth <= w || matchMedia('print').matches) return [];
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right + x <= w + 1 || (el.parentElement && el.parentElement.closest('.lb-table-scroll'))) continue;
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + ' (right edge ' + Math.round(r.right + x) + 'px)');
    if (out.length === 5) break;
  }
  // Text can stick out of a box that fits, such as a long word.
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n && out.length < 5; n = walk.nextNode()) {
    if (!n.textContent.trim() || n.parentElement.closest('.lb-table-scroll')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.right + x > w + 1) out.push('the text "' + n.textContent.trim().slice(0, 40) + '" in ' + n.parentElement.tagName.toLowerCase() + ' (right edge ' + Math.round(r.right + x) + 'px)');
  }
  // Else the element that reaches furthest, wherever it is.
  if (!out.length) {
    let far = null, farRight = 0;
    for (const el of document.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right + x > farRight) { far = el; farRight = r.right + x; }
    }
    if (far) out.push('the document is ' + root.scrollWidth + 'px wide; furthest out: ' + far.outerHTML.slice(0, 160) + ' at ' + Math.round(farRight) + 'px');
  }
  return out.length ? out : ['the document is ' + root.scrollWidth + 'px wide'];
})()`

// checkReflow fails the test when the page scrolls sideways in a window
// 320 px wide. The page is laid out at that width only for the check (and,
// with LIGHTBULB_SHOTS_320=1 or on a failure, a screenshot); the window
// then goes back to its usual size.
func checkReflow(t *testing.T, tb *tab, name string) {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	narrow := emulation.SetDeviceMetricsOverrideParams{Width: narrowWidth, Height: 640, DeviceScaleFactor: 1, Mobile: true}
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, narrow); err != nil {
		t.Fatalf("narrow the window: %v", err)
	}
	defer widen(t, ctx)
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](overflowProbe))
	if err != nil {
		t.Fatalf("measure the page at %d px: %v", narrowWidth, err)
	}
	if len(wide) > 0 || os.Getenv("LIGHTBULB_SHOTS_320") != "" {
		shot(t, tb, name+"-320px")
	}
	if len(wide) > 0 {
		t.Errorf("%s scrolls sideways at %d px: %s", here(t, tb), narrowWidth, strings.Join(wide, "; "))
	}
}

// widen ends the narrow window and waits until the page is laid out at its
// usual width again, so that the journey's next click lands where the
// element now is.
func widen(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, cdp.Empty{}); err != nil {
		t.Errorf("widen the window again: %v", err)
		return
	}
	for range 100 {
		w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Math.round(document.documentElement.getBoundingClientRect().width)`))
		if err != nil {
			t.Errorf("measure the window: %v", err)
			return
		}
		if w > narrowWidth {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("the window is still %d px wide", narrowWidth)
}
