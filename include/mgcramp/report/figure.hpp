#pragma once
// A plot as typed data, for the renderers that draw (`--format svg`): the
// numbers and words of the text plots (`foods --plot`, `trials --plot`,
// `meta --plot`), from the same rows. The core decides what is drawn and
// with which figures; a renderer decides only where and how: it computes
// positions and tick marks, never a value.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace mgcramp {

// The range a forest plot draws: every row's interval and the no-effect
// line, with a margin; a log scale for ratios, where 0.5 and 2 lie equally
// far from 1 (render/plot.hpp computes it; the text and SVG plots share it).
struct ForestAxis {
  double lo = 0, hi = 1;  // on the drawn scale (log for ratios)
  bool log = false;
  double null_value = 0;  // 0 for differences, 1 for ratios
};

// Horizontal bars from zero, one per item, largest first as ranked.
struct BarChart {
  struct Bar {
    std::string label;       // "Pumpkin seeds, roasted"
    double value = 0;        // 156
    std::string value_text;  // "156 mg", as the table shows it
  };
  // A vertical line across the bars: a reference intake ("RDA 310 mg").
  struct Reference {
    double value = 0;
    std::string label;
  };
  std::vector<Bar> bars;
  std::string axis_title;  // "Magnesium per serving (mg)"
  std::string unit;        // of the tick labels: "mg"
  std::optional<Reference> reference;
};

// One outcome's effects on one axis.
enum class ForestKind : std::uint8_t {
  study,   // a trial: a square sized by its weight, its 95% CI
  pooled,  // pooled by mgcramp: a diamond across its CI
  review,  // as a review published it: a diamond drawn apart
};

struct ForestPlot {
  struct Row {
    std::string label;  // a study's or review's id, "Pooled (random)"
    ForestKind kind = ForestKind::study;
    double estimate = 0, ci_low = 0, ci_high = 0;  // on the natural scale
    std::optional<double> weight;                  // percent (studies, the pooled row)
    std::string effect_text;                       // "-0.38 [-2.12, 1.36]"
    std::string weight_text;                       // "43.5%", "review"
  };
  std::vector<Row> rows;
  ForestAxis axis;
  std::string axis_title;  // "Mean difference in cramps per week"
  // What lies left and right of the no-effect line: "favours magnesium"
  // and "favours control" (swapped where higher is better), or "lower" and
  // "higher" for an outcome with no better direction.
  std::string left, right;
};

struct Figure {
  std::string title;
  std::variant<BarChart, ForestPlot> chart;
  // Lines under the plot: the pooled estimate in words, the basis of %DV.
  std::vector<std::string> caption;
  // Whether there is nothing to draw (no bars, no rows).
  bool empty() const {
    if (const auto* b = std::get_if<BarChart>(&chart)) return b->bars.empty();
    return std::get<ForestPlot>(chart).rows.empty();
  }
};

}  // namespace mgcramp
