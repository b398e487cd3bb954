//! Sizes shared by every kind of chart, in drawing units (the `viewBox` is 720 wide; CSS scales it to the
//! column, so at a typical 720 px column one unit is one CSS pixel).

/// Width of every chart as drawn for wide screens, print and PDF.
pub(crate) const WIDTH: f64 = 720.0;
/// Width of the variant drawn for phones: a column of 296 to 351 CSS px (320 to 375 px screens) shows it at
/// 0.93 to 1.1 units per pixel, so text of [`NARROW_MIN_FONT`] units is at least 11 CSS px.
pub(crate) const NARROW_WIDTH: f64 = 320.0;
/// The smallest text of the narrow variant.
pub(crate) const NARROW_MIN_FONT: f64 = 12.0;
/// Space around the drawing.
pub(crate) const PAD: f64 = 12.0;
/// Font size of labels, tick labels, legend and axis titles.
pub(crate) const FONT: f64 = 13.0;
/// Font size of value labels on bars and points.
pub(crate) const SMALL: f64 = 12.0;
/// Line height, as a multiple of the font size.
pub(crate) const LINE: f64 = 1.3;
/// Height of the plot area of vertical charts (bar, stacked, line).
pub(crate) const PLOT_HEIGHT: f64 = 240.0;
/// Gap between a tick label or category label and the axis.
pub(crate) const LABEL_GAP: f64 = 6.0;
/// Room for a value label above (or below) a bar: one line of [`SMALL`] text and a gap.
pub(crate) const VALUE_ROOM: f64 = SMALL * LINE + 4.0;
