//! Bar charts: take labelled rows and one or more series of values and
//! return an inline SVG drawn on the server (no script, no image files): the
//! labels once on the left, then one column of horizontal bars per series,
//! each scaled to its own largest value, with the printed value beside each bar.

use maud::{html, Markup};

/// One column of bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The column's heading (`Decisions`, `Share upheld`).
    pub name: String,
    /// A class naming the bar colour in the stylesheet.
    pub class: &'static str,
    /// Per row: the value the bar's length shows (negative and NaN count as
    /// 0) and the value as printed (`42`, `61.5%`, `£1,200.00`).
    pub bars: Vec<(f64, String)>,
    /// The value a full-length bar stands for (1.0 for shares); the largest
    /// value when `None`.
    pub full: Option<f64>,
}

const LABEL_WIDTH: f64 = 230.0;
const COLUMN_WIDTH: f64 = 260.0;
const VALUE_WIDTH: f64 = 86.0;
const HEAD: f64 = 24.0;
const ROW: f64 = 22.0;
const BAR: f64 = 16.0;
const LABEL_CHARS: usize = 30;

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(LABEL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

/// The length of each bar for `values`, out of `room`: `full` (or else the
/// largest value) fills it, and no bar is longer.
pub fn lengths(values: &[f64], room: f64, full: Option<f64>) -> Vec<f64> {
    let clean = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
    let largest = values.iter().copied().map(clean).fold(0.0, f64::max);
    let max = full.map(clean).filter(|f| *f > 0.0).unwrap_or(largest).max(largest);
    values
        .iter()
        .map(|&v| if max > 0.0 { clean(v) / max * room } else { 0.0 })
        .collect()
}

/// A chart titled `title` with one row per label and one column per series.
pub fn bar_chart(title: &str, labels: &[String], series: &[Series]) -> Markup {
    let room = COLUMN_WIDTH - VALUE_WIDTH;
    let width = LABEL_WIDTH + COLUMN_WIDTH * series.len() as f64;
    let height = HEAD + ROW * labels.len() as f64 + 4.0;
    let columns: Vec<(f64, &Series, Vec<f64>)> = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let values: Vec<f64> = s.bars.iter().map(|b| b.0).collect();
            (LABEL_WIDTH + COLUMN_WIDTH * i as f64, s, lengths(&values, room, s.full))
        })
        .collect();
    html! {
        figure.chart {
            figcaption { (title) }
            svg xmlns="http://www.w3.org/2000/svg" class="bars"
                width=(width) height=(height) viewBox={ "0 0 " (width) " " (height) }
                role="img" aria-label=(title) {
                @for (x, s, _) in &columns {
                    text.head x=(x) y="14" { (s.name) }
                }
                @for (row, label) in labels.iter().enumerate() {
                    @let y = HEAD + ROW * row as f64;
                    text.label x=(LABEL_WIDTH - 8.0) y=(y + BAR - 4.0) text-anchor="end" {
                        title { (label) }
                        (short(label))
                    }
                    @for (x, s, lens) in &columns {
                        @if let (Some((_, printed)), Some(len)) = (s.bars.get(row), lens.get(row)) {
                            g class=(s.class) {
                                title { (label) " · " (s.name) ": " (printed) }
                                rect.bar x=(x) y=(y) width=(format!("{len:.1}")) height=(BAR) {}
                                text.value x=(format!("{:.1}", x + len + 4.0)) y=(y + BAR - 4.0) { (printed) }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_lengths_scale_to_the_largest() {
        assert_eq!(lengths(&[1.0, 2.0, 4.0], 100.0, None), vec![25.0, 50.0, 100.0]);
        assert_eq!(lengths(&[0.0, 0.0], 100.0, None), vec![0.0, 0.0]);
        assert_eq!(lengths(&[], 100.0, None), Vec::<f64>::new());
        // Shares are drawn out of 100%, not out of the largest share.
        assert_eq!(lengths(&[0.25, 0.5], 100.0, Some(1.0)), vec![25.0, 50.0]);
    }

    #[test]
    fn err_lengths_of_bad_values_are_zero() {
        assert_eq!(
            lengths(&[f64::NAN, -3.0, 2.0, f64::INFINITY], 10.0, None),
            vec![0.0, 0.0, 10.0, 0.0]
        );
        // A value above `full` is no longer than the room; a bad `full` is ignored.
        assert_eq!(lengths(&[2.0, 1.0], 10.0, Some(1.0)), vec![10.0, 5.0]);
        assert_eq!(lengths(&[2.0, 1.0], 10.0, Some(f64::NAN)), vec![10.0, 5.0]);
    }

    #[test]
    fn ok_chart_escapes_labels_and_cuts_long_ones() {
        let labels = [
            "<script>alert(1)</script>".to_owned(),
            "A very long council name that goes on and on and on".to_owned(),
        ];
        let series = [
            Series {
                name: "Decisions".into(),
                class: "count",
                bars: vec![(1.0, "1".into()), (2.0, "2".into())],
                full: None,
            },
            Series {
                name: "Paid".into(),
                class: "paid",
                bars: vec![(0.0, "£0.00".into()), (5.0, "£0.05".into())],
                full: None,
            },
        ];
        let svg = bar_chart("By <b>council</b>", &labels, &series).into_string();
        assert!(!svg.contains("<script>") && !svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{svg}");
        assert!(svg.contains("A very long council name that…"), "{svg}");
        // Each column is scaled to its own largest value: 174 px of room.
        assert_eq!(svg.matches("width=\"174.0\"").count(), 2, "{svg}");
        assert_eq!(svg.matches("<rect").count(), 4);
        assert!(svg.contains("width=\"750\""), "{svg}");
    }

    #[test]
    fn err_chart_skips_missing_values() {
        let labels = ["a".to_owned(), "b".to_owned()];
        let series = [Series {
            name: "Decisions".into(),
            class: "count",
            bars: vec![(1.0, "1".into())],
            full: None,
        }];
        let svg = bar_chart("x", &labels, &series).into_string();
        assert_eq!(svg.matches("<rect").count(), 1);
    }
}
