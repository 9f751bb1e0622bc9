// Injected into a page (page.addScriptTag): measures colours, contrast and focus styles
// the way a person sees them, from computed styles. Defines window.__e2e.
(function () {
  "use strict";
  var canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  var ctx = canvas.getContext("2d", { willReadFrequently: true });

  /** Any CSS colour as [r, g, b, a] (0–255, a 0–1), through the canvas. */
  function rgba(css) {
    if (!css || css === "transparent") return [0, 0, 0, 0];
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = "rgba(0,0,0,0)";
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    var d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  }
  function over(top, bottom) {
    var a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    var mix = function (i) { return (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a; };
    return [mix(0), mix(1), mix(2), a];
  }
  /** The colour behind an element: its and its ancestors' backgrounds, composited. */
  function background(el) {
    var layers = [];
    for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
      var c = rgba(getComputedStyle(node).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    // Below everything: the canvas, white in light mode, the UA's dark grey in dark mode.
    var base = matchMedia("(prefers-color-scheme: dark)").matches &&
      getComputedStyle(document.documentElement).colorScheme.indexOf("dark") >= 0
      ? [18, 18, 18, 1] : [255, 255, 255, 1];
    var out = base;
    for (var i = layers.length - 1; i >= 0; i--) out = over(layers[i], out);
    return out;
  }
  function luminance(c) {
    var f = function (v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  /** CIE76 colour difference (ΔE): about 2 is just noticeable, above 10 plainly different. */
  function deltaE(a, b) {
    var lab = function (c) {
      var lin = function (v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      var r = lin(c[0]), g = lin(c[1]), bl = lin(c[2]);
      var x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047;
      var y = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
      var z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883;
      var f = function (t) { return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116; };
      return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
    };
    var p = lab(a), q = lab(b);
    return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  }
  /** Contrast of an element's text against what is behind it. */
  function textContrast(el) {
    var bg = background(el);
    var fg = over(rgba(getComputedStyle(el).color), bg);
    return { ratio: contrast(fg, bg), fg: fg.slice(0, 3).map(Math.round), bg: bg.slice(0, 3).map(Math.round) };
  }
  function describe(el) {
    if (!el || el.nodeType !== 1) return String(el);
    var s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    if (el.classList.length) s += "." + Array.prototype.join.call(el.classList, ".");
    var text = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\s+/g, " ");
    if (text) s += ' "' + text.slice(0, 40) + '"';
    return s;
  }
  /** What shows focus on an element: outline, box-shadow, and (for an inner ring) border and background. */
  function focusStyle(el) {
    var cs = getComputedStyle(el);
    var outlineShown = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0 && rgba(cs.outlineColor)[3] > 0;
    return {
      outline: outlineShown ? cs.outlineStyle + " " + cs.outlineWidth + " " + cs.outlineColor : "none",
      outlineColor: cs.outlineColor,
      outlineWidth: parseFloat(cs.outlineWidth) || 0,
      boxShadow: cs.boxShadow,
      border: cs.borderTopStyle + " " + cs.borderTopWidth + " " + cs.borderTopColor,
      background: cs.backgroundColor,
      textDecoration: cs.textDecorationLine + " " + cs.textDecorationColor,
    };
  }
  window.__e2e = {
    rgba: rgba,
    background: background,
    contrast: contrast,
    deltaE: deltaE,
    textContrast: textContrast,
    describe: describe,
    focusStyle: focusStyle,
  };
})();
