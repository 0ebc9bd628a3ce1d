#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
// zlib (a dependency of libcairo2-dev) compresses ARCharts' own fast PNG encoder.
#include <zlib.h>
