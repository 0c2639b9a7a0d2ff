// `--format svg`: a report's figure (report/figure.hpp) as a standalone SVG
// 1.1 picture, for a page or a slide: a bar chart (foods) or a forest plot
// (trials, meta) with its axis, labels, the sides each direction favours, a
// legend, the caption and the sources.
//
// Every number drawn comes from the figure; this file only places things
// and picks the tick marks. Black and greys with one accent colour (dark
// enough to read in greyscale), sans-serif at sizes that stay legible on A4.
// Output is deterministic: fixed-point numbers through fmt (no locale),
// text escaped for XML with control characters dropped.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

#include <fmt/format.h>

#include "formats.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::detail {
namespace {

constexpr double kWidth = 900;  // the narrowest picture; a wide table widens it
constexpr double kMargin = 24;
// Printed across A4 (about 19 cm for 900 pixels), a label is 9 points, a
// caption 8.
constexpr double kTitleSize = 21;
constexpr double kLabelSize = 15;
constexpr double kTickSize = 14;
constexpr double kCaptionSize = 13;
constexpr double kRow = 30;  // height of a forest row or a bar's slot
constexpr double kGap = 16;  // between columns
// A sans-serif glyph's advance, as a share of the font size, a little wide
// so that estimated widths are rarely short (DejaVu Sans averages ~0.55).
constexpr double kAdvance = 0.6;

constexpr const char* kInk = "#000000";
constexpr const char* kGrey = "#595959";    // the no-effect line, the sources
constexpr const char* kLight = "#bfbfbf";   // rules between groups of rows
constexpr const char* kAccent = "#1f5a96";  // pooled diamond, bars; ~35% grey in print
constexpr const char* kStudy = "#262626";

// Text from the data made safe for XML: & < > " ' escaped; tab, CR and LF a
// space; other control characters (C0, DEL, C1), bidirectional controls and
// the non-characters XML forbids dropped; a byte that is not UTF-8 U+FFFD.
std::string xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = text::utf8_sequence(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    if (len == 1) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\t':
        case '\n':
        case '\r': out += ' '; break;
        default:
          if (c >= 0x20 && c != 0x7F) out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const char32_t cp = text::code_point(s, i, len);
    if (cp >= 0xA0 && !text::is_bidi_control(cp) && cp != 0xFFFE && cp != 0xFFFF)
      out.append(s, i, len);
    i += len;
  }
  return out;
}

// Estimated width in pixels of text at `size`.
double text_width(std::string_view s, double size) {
  return static_cast<double>(text::display_width(s)) * size * kAdvance;
}

// `s` cut to `max` code points, the last of them an ellipsis.
std::string shorten(std::string_view s, std::size_t max) {
  if (text::display_width(s) <= max || max < 2) return std::string(s);
  std::string out;
  std::size_t i = 0, n = 0;
  while (i < s.size() && n + 1 < max) {
    const std::size_t len = std::max<std::size_t>(1, text::utf8_sequence(s, i));
    out.append(s, i, len);
    i += len;
    ++n;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6";  // U+2026
}

// A coordinate or a size: one decimal at most, no locale ("24", "37.5").
std::string num(double v) {
  if (std::fabs(v) < 0.05) v = 0;  // never "-0"
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

// A tick's label: at most four decimals, trailing zeros dropped.
std::string tick_text(double v) {
  std::string s = fmt::format("{:.4f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

// Ticks at 1, 2 or 5 times a power of ten, about six across [lo, hi].
std::vector<double> linear_ticks(double lo, double hi) {
  std::vector<double> ticks;
  if (!(hi > lo)) return ticks;
  const double raw = (hi - lo) / 6;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / mag;
  const double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
  for (double k = std::ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; ++k) {
    const double t = k * step;
    ticks.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
  }
  return ticks;
}

// Ticks for a ratio on a log axis over [lo, hi] (natural scale): 0.5, 1, 2
// and their like, finer for a narrow range, decades (or every few) for a
// wide one; the no-effect value 1 lies in every range drawn.
std::vector<double> log_ticks(double lo, double hi) {
  static const std::vector<std::vector<double>> kMantissas = {
      {1}, {1, 2, 5}, {1, 1.5, 2, 3, 5, 7}, {1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8}};
  std::vector<double> ticks;
  if (!(lo > 0) || !(hi > lo)) return ticks;
  const int first = static_cast<int>(std::floor(std::log10(lo)));
  const int last = static_cast<int>(std::ceil(std::log10(hi)));
  auto within = [&](const std::vector<double>& mantissas, int every) {
    std::vector<double> out;
    for (int e = first; e <= last; ++e) {
      if (every > 1 && e % every != 0) continue;
      for (double m : mantissas) {
        // Rounded to the decimals it is written with, so that 0.3 is 0.3.
        const double t = std::stod(tick_text(m * std::pow(10.0, e)));
        if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) out.push_back(t);
      }
    }
    return out;
  };
  for (const auto& m : kMantissas) {
    ticks = within(m, 1);
    if (ticks.size() > 10) {  // many decades: every second, third... decade
      for (int every = 2; ticks.size() > 10; ++every) ticks = within({1}, every);
      return ticks;
    }
    if (ticks.size() >= 4) return ticks;
  }
  if (ticks.size() >= 2) return ticks;
  return linear_ticks(lo, hi);  // narrower than 1 to 1.25
}

// The document being written: shapes and text in absolute pixels.
class Canvas {
 public:
  void raw(std::string_view s) { body_.append(s); }
  // Text at (x, y), its baseline; `anchor` start, middle or end.
  void text(double x, double y, std::string_view s, double size, const char* anchor = "start",
            const char* extra = "") {
    body_ += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}{}{}>{}</text>\n", num(x), num(y), num(size),
        std::string_view(anchor) == "start" ? std::string()
                                            : fmt::format(" text-anchor=\"{}\"", anchor),
        *extra != '\0' ? " " : "", extra, xml(s));
  }
  void line(double x1, double y1, double x2, double y2, const char* stroke, double width,
            const char* extra = "") {
    body_ += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}{}/>\n",
        num(x1), num(y1), num(x2), num(y2), stroke, num(width), *extra != '\0' ? " " : "", extra);
  }
  void rect(double x, double y, double w, double h, const char* fill, const char* extra = "") {
    body_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}{}/>\n",
                         num(x), num(y), num(w), num(h), fill, *extra != '\0' ? " " : "", extra);
  }
  // A diamond across [x1, x2] at height y, its point at x.
  void diamond(double x1, double x, double x2, double y, double half, const char* fill,
               const char* stroke, const char* cls) {
    body_ += fmt::format(
        "<polygon class=\"{}\" points=\"{},{} {},{} {},{} {},{}\" fill=\"{}\" stroke=\"{}\" "
        "stroke-width=\"1.5\"/>\n",
        cls, num(x1), num(y), num(x), num(y - half), num(x2), num(y), num(x), num(y + half), fill,
        stroke);
  }
  // Lines of text wrapped to `width` pixels from (x, y), those after the
  // first `hang` pixels further in; returns the y below them.
  double paragraph(double x, double y, std::string_view s, double size, double width,
                   const char* extra = "", double hang = 0) {
    const auto chars = static_cast<std::size_t>(std::max(20.0, (width - hang) / (size * kAdvance)));
    bool first = true;
    for (const std::string& l : text::wrap(s, chars)) {
      y += size * 1.35;
      text(first ? x : x + hang, y, l, size, "start", extra);
      first = false;
    }
    return y;
  }
  // The whole document, `height` pixels high.
  std::string done(double width, double height, std::string_view title,
                   const std::vector<std::string>& caption) const {
    std::string desc;
    for (const auto& c : caption) desc += (desc.empty() ? "" : " ") + c;
    const std::string w = num(width), h = num(std::ceil(height));
    std::string out = fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{0}\" "
        "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\">\n"
        "<title>{2}</title>\n",
        w, h, xml(title));
    if (!desc.empty()) out += fmt::format("<desc>{}</desc>\n", xml(desc));
    out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", w, h);
    out += body_;
    out += "</svg>\n";
    return out;
  }

 private:
  std::string body_;
};

// The title, wrapped; returns the y below it.
double draw_title(Canvas& c, const Figure& f, double width) {
  double y = kMargin - 4;
  // Bold glyphs are wider than the body text's.
  const auto chars =
      static_cast<std::size_t>((width - 2 * kMargin) / (kTitleSize * (kAdvance + 0.05)));
  for (const std::string& l : text::wrap(f.title, chars)) {
    y += kTitleSize * 1.3;
    c.text(kMargin, y, l, kTitleSize, "start", "font-weight=\"bold\"");
  }
  return y + 12;
}

// The caption and the report's sources, under the plot; returns the y
// below them.
double draw_footer(Canvas& c, const Report& r, const Figure& f, double y, double width) {
  const double w = width - 2 * kMargin;
  y += 8;
  for (const std::string& line : f.caption) y = c.paragraph(kMargin, y, line, kCaptionSize, w);
  if (r.source_notes) {
    y += 6;
    for (const Note& n : r.source_notes()) {
      const double in = n.indent > 0 ? 12 : 0;
      y = c.paragraph(kMargin + in, y, n.text, kCaptionSize, w - in, "fill=\"#595959\"", 12);
    }
  }
  return y;
}

// A legend entry's symbol, drawn in a 20 x 16 box at (x, y) (y its middle).
enum class Symbol : std::uint8_t { square, whisker, pooled, review, no_effect, bar, reference };

void draw_symbol(Canvas& c, Symbol s, double x, double y) {
  switch (s) {
    case Symbol::square: c.rect(x + 5, y - 5, 10, 10, kStudy); break;
    case Symbol::whisker: c.line(x, y, x + 20, y, kInk, 1.5); break;
    case Symbol::pooled: c.diamond(x, x + 10, x + 20, y, 6, kAccent, kAccent, "legend"); break;
    case Symbol::review: c.diamond(x, x + 10, x + 20, y, 6, "#ffffff", kInk, "legend"); break;
    case Symbol::no_effect: c.line(x + 10, y - 8, x + 10, y + 8, kGrey, 1.5); break;
    case Symbol::bar: c.rect(x, y - 6, 20, 12, kAccent); break;
    case Symbol::reference:
      c.line(x + 10, y - 8, x + 10, y + 8, kInk, 1.5, "stroke-dasharray=\"4 3\"");
      break;
  }
}

// A row of legend entries, wrapped to `width`; returns the y below them.
double draw_legend(Canvas& c, const std::vector<std::pair<Symbol, std::string>>& entries, double y,
                   double width) {
  c.raw("<g class=\"legend\">\n");
  double x = kMargin;
  y += 14;
  for (const auto& [symbol, label] : entries) {
    // Spaced by a closer estimate than the columns' (a short entry costs
    // only a narrower gap).
    const double w = 26 + static_cast<double>(text::display_width(label)) * kTickSize * 0.56 + 16;
    if (x > kMargin && x + w > width - kMargin) {
      x = kMargin;
      y += 22;
    }
    draw_symbol(c, symbol, x, y - 4);
    c.text(x + 26, y, label, kTickSize);
    x += w;
  }
  c.raw("</g>\n");
  return y + 10;
}

// An axis along y from x0 to x1: its line, ticks and their labels.
template <class Place>
void draw_ticks(Canvas& c, const std::vector<double>& ticks, Place at, double x0, double x1,
                double y) {
  c.line(x0, y, x1, y, kInk, 1);
  c.raw("<g class=\"ticks\">\n");
  for (double t : ticks) {
    const double x = at(t);
    c.line(x, y, x, y + 5, kInk, 1);
    c.text(x, y + 5 + kTickSize + 2, tick_text(t), kTickSize, "middle");
  }
  c.raw("</g>\n");
}

std::string render_forest(const Report& r, const Figure& f, const ForestPlot& p) {
  // Columns: label | plot | effect [95% CI] | weight.
  double label_w = text_width("Study", kLabelSize),
         effect_w = text_width("Effect [95% CI]", kLabelSize),
         weight_w = text_width("Weight", kLabelSize);
  constexpr std::size_t kMaxLabel = 36;
  for (const auto& row : p.rows) {
    label_w = std::max(label_w, text_width(shorten(row.label, kMaxLabel), kLabelSize));
    effect_w = std::max(effect_w, text_width(row.effect_text, kLabelSize));
    weight_w = std::max(weight_w, text_width(row.weight_text, kLabelSize));
  }
  constexpr double kMinPlot = 380;
  const double width =
      std::max(kWidth, 2 * kMargin + label_w + effect_w + weight_w + 3 * kGap + kMinPlot);
  const double plot_l = kMargin + label_w + kGap;
  const double weight_r = width - kMargin;
  const double effect_r = weight_r - weight_w - kGap;
  const double plot_r = effect_r - effect_w - kGap;
  const ForestAxis& a = p.axis;
  auto scale = [&](double v) { return a.log ? std::log(v) : v; };
  auto at = [&](double v) {
    const double f0 = (scale(v) - a.lo) / (a.hi - a.lo);
    return plot_l + std::clamp(std::isfinite(f0) ? f0 : 0.0, 0.0, 1.0) * (plot_r - plot_l);
  };

  Canvas c;
  double y = draw_title(c, f, width);
  // Column headings.
  y += kLabelSize;
  c.raw("<g class=\"headings\" font-weight=\"bold\">\n");
  c.text(kMargin, y, "Study", kLabelSize);
  c.text(effect_r, y, "Effect [95% CI]", kLabelSize, "end");
  c.text(weight_r, y, "Weight", kLabelSize, "end");
  c.raw("</g>\n");
  y += 8;
  c.line(kMargin, y, width - kMargin, y, kInk, 1);
  const double rows_top = y;

  double max_weight = 0;
  for (const auto& row : p.rows)
    if (row.kind == ForestKind::study && row.weight) max_weight = std::max(max_weight, *row.weight);
  // The no-effect line, behind the rows.
  const double null_x = at(a.null_value);
  const double rows_bottom = rows_top + kRow * static_cast<double>(p.rows.size());
  c.line(null_x, rows_top, null_x, rows_bottom + 10, kGrey, 1.5, "class=\"no-effect\"");
  for (std::size_t i = 0; i < p.rows.size(); ++i) {
    const auto& row = p.rows[i];
    // A rule between the studies, the pooled estimate and the reviews.
    if (i > 0 && row.kind != p.rows[i - 1].kind) c.line(kMargin, y, width - kMargin, y, kLight, 1);
    const double mid = y + kRow / 2;
    const double base = mid + kLabelSize * 0.35;
    const char* style = row.kind == ForestKind::pooled   ? "font-weight=\"bold\""
                        : row.kind == ForestKind::review ? "font-style=\"italic\""
                                                         : "";
    c.text(kMargin, base, shorten(row.label, kMaxLabel), kLabelSize, "start", style);
    c.text(effect_r, base, row.effect_text, kLabelSize, "end", style);
    c.text(weight_r, base, row.weight_text, kLabelSize, "end", style);
    const double lo = at(row.ci_low), est = at(row.estimate), hi = at(row.ci_high);
    switch (row.kind) {
      case ForestKind::study: {
        c.line(lo, mid, hi, mid, kInk, 1.5, "class=\"ci\"");
        // The square's area follows the study's weight.
        const double share = max_weight > 0 && row.weight ? *row.weight / max_weight : 1;
        const double side = std::max(5.0, 16 * std::sqrt(std::clamp(share, 0.0, 1.0)));
        c.rect(est - side / 2, mid - side / 2, side, side, kStudy, "class=\"study\"");
        break;
      }
      case ForestKind::pooled: c.diamond(lo, est, hi, mid, 8, kAccent, kAccent, "pooled"); break;
      case ForestKind::review: c.diamond(lo, est, hi, mid, 7, "#ffffff", kInk, "review"); break;
    }
    y += kRow;
  }

  // The axis, its ticks and what each side favours.
  y += 6;
  const std::vector<double> ticks =
      a.log ? log_ticks(std::exp(a.lo), std::exp(a.hi)) : linear_ticks(a.lo, a.hi);
  draw_ticks(c, ticks, at, plot_l, plot_r, y);
  y += 5 + kTickSize + 2 + 20;
  c.raw("<g class=\"favours\">\n");
  c.text(null_x - 8, y, "\xE2\x86\x90 " + p.left, kLabelSize, "end");     // U+2190
  c.text(null_x + 8, y, p.right + " \xE2\x86\x92", kLabelSize, "start");  // U+2192
  c.raw("</g>\n");
  y += kLabelSize + 8;
  c.text((plot_l + plot_r) / 2, y, p.axis_title + (a.log ? ", log scale" : ""), kLabelSize,
         "middle", "class=\"axis-title\"");
  y += 12;

  // Legend: only what is drawn.
  auto has = [&](ForestKind k) {
    return std::any_of(p.rows.begin(), p.rows.end(),
                       [k](const auto& row) { return row.kind == k; });
  };
  std::vector<std::pair<Symbol, std::string>> legend;
  if (has(ForestKind::study)) {
    legend.emplace_back(Symbol::square, "Study (area: weight)");
  }
  legend.emplace_back(Symbol::whisker, "95% CI");
  if (has(ForestKind::pooled)) legend.emplace_back(Symbol::pooled, "Pooled by mgcramp");
  if (has(ForestKind::review)) legend.emplace_back(Symbol::review, "Published by a review");
  legend.emplace_back(Symbol::no_effect, "No effect (" + tick_text(a.null_value) + ")");
  y = draw_legend(c, legend, y, width);
  y = draw_footer(c, r, f, y, width);
  return c.done(width, y + kMargin, f.title, f.caption);
}

std::string render_bars(const Report& r, const Figure& f, const BarChart& b) {
  constexpr std::size_t kMaxLabel = 40;
  double label_w = 0, value_w = 0, max = 0;
  for (const auto& bar : b.bars) {
    label_w = std::max(label_w, text_width(shorten(bar.label, kMaxLabel), kLabelSize));
    value_w = std::max(value_w, text_width(bar.value_text, kTickSize));
    max = std::max(max, bar.value);
  }
  if (b.reference) max = std::max(max, b.reference->value);
  const double width = kWidth;
  const double plot_l = kMargin + label_w + 10;
  const double plot_r = width - kMargin - value_w - 10;
  // The axis runs from 0 to the first tick at or past the largest value.
  std::vector<double> ticks = linear_ticks(0, max > 0 ? max : 1);
  if (ticks.size() >= 2 && ticks.back() < max)
    ticks.push_back(2 * ticks.back() - ticks[ticks.size() - 2]);
  const double top = ticks.empty() ? 1 : ticks.back();
  auto at = [&](double v) { return plot_l + std::clamp(v / top, 0.0, 1.0) * (plot_r - plot_l); };

  Canvas c;
  double y = draw_title(c, f, width);
  if (b.reference) y += kTickSize + 6;  // room for the reference line's label
  const double rows_top = y;
  c.raw("<g class=\"bars\">\n");
  for (const auto& bar : b.bars) {
    const double mid = y + kRow / 2;
    const double base = mid + kLabelSize * 0.35;
    c.text(plot_l - 10, base, shorten(bar.label, kMaxLabel), kLabelSize, "end");
    const double end = at(bar.value);
    c.rect(plot_l, mid - 8, std::max(0.0, end - plot_l), 16, kAccent, "class=\"bar\"");
    c.text(end + 6, mid + kTickSize * 0.35, bar.value_text, kTickSize, "start");
    y += kRow;
  }
  c.raw("</g>\n");
  if (b.reference) {
    const double x = at(b.reference->value);
    c.line(x, rows_top - 4, x, y + 4, kInk, 1.5, "class=\"reference\" stroke-dasharray=\"4 3\"");
    const bool right_half = x > (plot_l + plot_r) / 2;
    c.text(right_half ? x - 4 : x + 4, rows_top - 8, b.reference->label, kTickSize,
           right_half ? "end" : "start");
  }
  y += 4;
  draw_ticks(c, ticks, at, plot_l, plot_r, y);
  y += 5 + kTickSize + 2 + 20;
  c.text((plot_l + plot_r) / 2, y, b.axis_title, kLabelSize, "middle", "class=\"axis-title\"");
  y += 12;
  std::vector<std::pair<Symbol, std::string>> legend{{Symbol::bar, b.axis_title}};
  if (b.reference) legend.emplace_back(Symbol::reference, b.reference->label);
  y = draw_legend(c, legend, y, width);
  y = draw_footer(c, r, f, y, width);
  return c.done(width, y + kMargin, f.title, f.caption);
}

// Nothing to draw: the title, the words of the text plot, the caption.
std::string render_empty(const Report& r, const Figure& f) {
  Canvas c;
  double y = draw_title(c, f, kWidth);
  y += kLabelSize + 4;
  c.text(kMargin, y, "No matching records.", kLabelSize, "start", "class=\"empty\"");
  y = draw_footer(c, r, f, y + 4, kWidth);
  return c.done(kWidth, y + kMargin, f.title, f.caption);
}

}  // namespace

std::string render_svg(const Report& r) {
  if (!r.figure) {
    // The CLI asks for SVG only of a report with a figure; a caller that
    // did not gets a picture that says so rather than a broken document.
    Figure f;
    f.title = r.title.empty() ? std::string("mgcramp") : r.title;
    f.caption.emplace_back("This answer has no plot.");
    return render_empty(Report{}, f);
  }
  const Figure& f = *r.figure;
  if (f.empty()) return render_empty(r, f);
  if (const auto* b = std::get_if<BarChart>(&f.chart)) return render_bars(r, f, *b);
  return render_forest(r, f, std::get<ForestPlot>(f.chart));
}

}  // namespace mgcramp::detail
