// --format svg from the command line: the plots as pictures, rendered to PNG
// by rsvg-convert (librsvg2-bin, which scripts/setup.sh installs) and checked
// for ink; and the usage errors of asking for a picture where there is none.
//
// Without rsvg-convert the rendering tests say "rsvg-convert is not
// installed: skipped" and ctest marks them skipped (tests/CMakeLists.txt).
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "expect.hpp"

using Catch::Contains;

namespace {

bool have_rsvg_convert() {
  static const bool found = std::system("command -v rsvg-convert >/dev/null 2>&1") == 0;
  return found;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::uint32_t be32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s.at(at + i));
  return v;
}

// A PNG's pixels as 8-bit RGBA rows: its IHDR read, its IDAT chunks joined,
// inflated with zlib and unfiltered (PNG 1.2, section 6). Only what
// rsvg-convert writes: 8 bits a channel, grey, RGB or either with alpha,
// not interlaced.
struct Image {
  std::uint32_t width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4
  const std::uint8_t* at(std::uint32_t x, std::uint32_t y) const {
    return &rgba[(static_cast<std::size_t>(y) * width + x) * 4];
  }
};

Image decode_png(const std::string& png) {
  Image img;
  REQUIRE(png.size() > 33);
  REQUIRE(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  std::string idat;
  int depth = 0, color = -1, interlace = 0;
  for (std::size_t at = 8; at + 8 <= png.size();) {
    const std::uint32_t len = be32(png, at);
    const std::string type = png.substr(at + 4, 4);
    REQUIRE(at + 12 + len <= png.size());
    if (type == "IHDR") {
      img.width = be32(png, at + 8);
      img.height = be32(png, at + 12);
      depth = static_cast<unsigned char>(png[at + 16]);
      color = static_cast<unsigned char>(png[at + 17]);
      interlace = static_cast<unsigned char>(png[at + 20]);
    } else if (type == "IDAT") {
      idat.append(png, at + 8, len);
    } else if (type == "IEND") {
      break;
    }
    at += 12 + len;
  }
  INFO("bit depth " << depth << ", colour type " << color);
  REQUIRE(depth == 8);
  REQUIRE(interlace == 0);
  const std::size_t channels = color == 0   ? 1
                               : color == 4 ? 2
                               : color == 2 ? 3
                               : color == 6 ? 4
                                            : 0;
  REQUIRE(channels > 0);
  REQUIRE(img.width > 0);
  REQUIRE(img.height > 0);
  const std::size_t stride = img.width * channels;
  std::vector<std::uint8_t> raw((stride + 1) * img.height);
  uLongf raw_len = static_cast<uLongf>(raw.size());
  REQUIRE(uncompress(raw.data(), &raw_len, reinterpret_cast<const Bytef*>(idat.data()),
                     static_cast<uLong>(idat.size())) == Z_OK);
  REQUIRE(raw_len == raw.size());
  std::vector<std::uint8_t> prev(stride, 0), cur(stride);
  img.rgba.resize(static_cast<std::size_t>(img.width) * img.height * 4);
  for (std::uint32_t y = 0; y < img.height; ++y) {
    const std::uint8_t filter = raw[y * (stride + 1)];
    const std::uint8_t* line = &raw[y * (stride + 1) + 1];
    for (std::size_t i = 0; i < stride; ++i) {
      const int a = i >= channels ? cur[i - channels] : 0;
      const int b = prev[i];
      const int c = i >= channels ? prev[i - channels] : 0;
      int pred = 0;
      switch (filter) {
        case 0: pred = 0; break;
        case 1: pred = a; break;
        case 2: pred = b; break;
        case 3: pred = (a + b) / 2; break;
        case 4: {
          const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: FAIL("PNG filter type " << int(filter));
      }
      cur[i] = static_cast<std::uint8_t>(line[i] + pred);
    }
    for (std::uint32_t x = 0; x < img.width; ++x) {
      const std::uint8_t* p = &cur[x * channels];
      std::uint8_t* q = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
      q[0] = p[0];
      q[1] = channels >= 3 ? p[1] : p[0];
      q[2] = channels >= 3 ? p[2] : p[0];
      q[3] = channels == 4 ? p[3] : channels == 2 ? p[1] : 255;
    }
    std::swap(prev, cur);
  }
  return img;
}

// Runs the command, renders its SVG with rsvg-convert and checks the
// picture: as large as the SVG says, a white background, and ink (text,
// axes, bars or diamonds) on a good part of it, the accent colour among it.
void expect_picture(const std::vector<std::string>& args, const std::string& name) {
  if (!have_rsvg_convert()) {
    WARN("rsvg-convert is not installed: skipped (apt-get install librsvg2-bin)");
    return;
  }
  const Result r = expect_ok(args);
  REQUIRE(r.out.rfind("<?xml", 0) == 0);
  REQUIRE(r.out.size() > 1000);
  CHECK(r.out.substr(r.out.size() - 7) == "</svg>\n");
  const std::string svg = temp_file(r.out, "-" + name + ".svg");
  const std::string png = svg + ".png";
  const std::string cmd = "rsvg-convert -f png -o '" + png + "' '" + svg + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  const Image img = decode_png(read_file(png));
  std::remove(svg.c_str());
  std::remove(png.c_str());
  // The size the SVG gives, in pixels at 96 dpi.
  const auto w = r.out.find(" width=\"");
  REQUIRE(w != std::string::npos);
  CHECK(img.width == static_cast<std::uint32_t>(std::stoul(r.out.substr(w + 8))));
  CHECK(img.height > 150);
  const std::uint8_t* corner = img.at(0, 0);
  CHECK((corner[0] == 255 && corner[1] == 255 && corner[2] == 255 && corner[3] == 255));
  std::size_t ink = 0, dark = 0, accent = 0;
  for (std::uint32_t y = 0; y < img.height; ++y) {
    for (std::uint32_t x = 0; x < img.width; ++x) {
      const std::uint8_t* p = img.at(x, y);
      if (p[3] != 255) continue;  // the background is opaque everywhere
      if (p[0] == 255 && p[1] == 255 && p[2] == 255) continue;
      ++ink;
      if (p[0] < 96 && p[1] < 96 && p[2] < 96) ++dark;
      if (p[2] > p[0] + 60) ++accent;  // the blue of bars and pooled diamonds
    }
  }
  const double pixels = static_cast<double>(img.width) * img.height;
  INFO(name << ": " << img.width << "x" << img.height << ", ink " << ink << ", dark " << dark
            << ", accent " << accent);
  CHECK(static_cast<double>(ink) > 0.02 * pixels);  // not blank
  CHECK(static_cast<double>(ink) < 0.5 * pixels);   // nor a blot
  CHECK(dark > 2000);                               // black text and lines
  CHECK(accent > 200);                              // the accent colour drawn
}

}  // namespace

TEST_CASE("svg: foods --plot --format svg renders to a picture that is not blank") {
  expect_picture({"foods", "--top", "10", "--plot", "--format", "svg"}, "foods");
  expect_picture(
      {"foods", "--per", "100kcal", "--age", "40", "--sex", "m", "--plot", "--format", "svg"},
      "foods-per-kcal");
}

TEST_CASE("svg: trials --plot --format svg renders to a picture that is not blank") {
  expect_picture({"trials", "--population", "idiopathic", "--plot", "--format", "svg"}, "trials");
  expect_picture({"--format", "svg", "trials", "--population", "pregnancy", "--plot"},
                 "trials-pregnancy");
}

TEST_CASE("svg: meta --plot --format svg renders to a picture that is not blank") {
  expect_picture(
      {"meta", "--outcome", "cramp-free", "--population", "pregnancy", "--plot", "--format", "svg"},
      "meta-ratio");
  expect_picture({"meta", "--outcome", "cramps-per-week", "--population", "idiopathic", "--plot",
                  "--format", "svg"},
                 "meta-difference");
}

TEST_CASE("svg: a picture asked where there is none is a usage error") {
  // A command that draws no plot.
  for (const char* command : {"rda", "claims", "sources", "cite"}) {
    INFO(command);
    expect_usage_error({command, "--format", "svg"},
                       "--format svg draws a plot: only foods, trials and meta draw one, with "
                       "--plot (for example mgcramp trials");
  }
  // A command that plots, without --plot (or meta without its outcome).
  expect_usage_error({"foods", "--format", "svg"},
                     "--format svg draws a plot: add --plot (for example mgcramp foods");
  expect_usage_error({"trials", "--population", "pregnancy", "--format", "svg"},
                     "--format svg draws a plot: add --plot (for example mgcramp trials");
  expect_usage_error({"meta", "--format", "svg"}, "add --outcome M and --plot");
  expect_usage_error({"meta", "--plot", "--format", "svg"}, "add --outcome M (");
  expect_usage_error({"meta", "--outcome", "cramp-free", "--format", "svg"}, "add --plot (");
  // --format svg names itself among the formats these commands take.
  expect_usage_error({"foods", "--plot", "--format", "png"},
                     "--format must be table, json, csv, md or svg, got 'png'");
  expect_usage_error({"rda", "--format", "png"}, "--format must be table, json, csv or md");
  // --json is another format: the two conflict, as --json and --format csv do.
  const Result both = run({"trials", "--plot", "--format", "svg", "--json"});
  CHECK(both.code == 2);
  CHECK(both.out.empty());
  CHECK_THAT(both.err, Contains("\"message\":\"--json conflicts with --format svg\""));
}

TEST_CASE("svg: nothing to plot exits as the text plot does, with a whole picture") {
  const Result text = expect_ok({"trials", "--plot", "--since", "2100"});
  CHECK_THAT(text.out, Contains("No matching records."));
  const Result r = expect_ok({"trials", "--plot", "--since", "2100", "--format", "svg"});
  CHECK(r.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0) == 0);
  CHECK(r.out.substr(r.out.size() - 7) == "</svg>\n");
  CHECK_THAT(r.out, Contains(">No matching records.</text>"));
  const Result foods = expect_ok({"foods", "--search", "zzzz", "--plot", "--format", "svg"});
  CHECK_THAT(foods.out, Contains(">No matching records.</text>"));
  CHECK(foods.out.substr(foods.out.size() - 7) == "</svg>\n");
}

TEST_CASE("svg: written to a terminal too, without colour, the same as to a pipe") {
  const std::vector<std::string> q = {"meta",      "--outcome", "cramp-free", "--population",
                                      "pregnancy", "--plot",    "--format",   "SVG"};
  const Result pipe = expect_ok(q);
  RunOptions tty;
  tty.pty = true;
  tty.env["NO_COLOR"] = std::nullopt;
  tty.env["TERM"] = "xterm";
  tty.env["COLUMNS"] = "150";
  std::string out = run(q, tty).out;
  out.erase(std::remove(out.begin(), out.end(), '\r'), out.end());
  CHECK(out == pipe.out);
  CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("svg: --help and the completions name the format where it is taken") {
  CHECK_THAT(expect_ok({"--help"}).out, Contains("with --plot (foods, trials, meta): svg"));
  CHECK_THAT(expect_ok({"foods", "--help"}).out, Contains("--format table|json|csv|md|svg"));
  CHECK_THAT(expect_ok({"rda", "--help"}).out, Contains("--format table|json|csv|md,"));
  const std::string bash = expect_ok({"completion", "bash"}).out;
  for (const char* c : {"foods", "trials", "meta"})
    CHECK_THAT(bash,
               Contains(std::string("\"") + c + " --format\") words=\"table json csv md svg\""));
  CHECK_THAT(expect_ok({"completion", "fish"}).out,
             Contains("__fish_seen_subcommand_from foods trials meta' -l format -x -a 'table json "
                      "csv md svg'"));
}
