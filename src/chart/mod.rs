//! Charts drawn as SVG at build time (being written).
