//! Bar charts drawn as SVG from the core's figures, coloured by the theme's tokens. Each is an
//! image with a one-sentence summary for screen readers; the table beside it holds every
//! figure.

use leptos::prelude::*;

/// One bar: its label and its parts, stacked in series order.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub parts: Vec<f64>,
}

// Whole units of the SVG's coordinates: floats would bring their formatting code to the site.
const WIDTH: i32 = 600;
const HEIGHT: i32 = 160;
/// Room for the axis labels: left of the bars, and under them.
const LEFT: i32 = 44;
const BOTTOM: i32 = 18;

/// A chart of `bars` (stacked parts named by `series`) with, optionally, a `line` over them
/// (one value per bar, and its name); `format` writes the axis' values.
#[component]
pub fn BarChart(
    #[prop(into)] title: String,
    #[prop(into)] series: Signal<Vec<String>>,
    #[prop(into)] bars: Signal<Vec<Bar>>,
    #[prop(into)] summary: Signal<String>,
    #[prop(optional)] line: Option<(String, Signal<Vec<f64>>)>,
    format: fn(f64) -> String,
) -> impl IntoView {
    let line_values = line.as_ref().map(|(_, v)| *v);
    // Drawn as markup in one piece: a view per shape would cost the site far more code.
    let markup = move || {
        bars.with(|bars| match line_values {
            Some(line) => line.with(|line| svg(bars, Some(line), format)),
            None => svg(bars, None, format),
        })
    };
    let line_name = line.map(|(name, _)| name);
    view! {
        <figure class="chart">
            <figcaption class="chart-title">{title}</figcaption>
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-label=move || summary.get()
                preserveAspectRatio="none"
                inner_html=markup
            ></svg>
            <ul class="chart-legend" aria-hidden="true">
                {move || series.get().into_iter().enumerate().map(|(s, name)| view! {
                    <li><span class=format!("chart-swatch chart-s{}", s % 4)></span>{name}</li>
                }).collect_view()}
                {line_name.map(|name| view! { <li><span class="chart-swatch chart-line-swatch"></span>{name}</li> })}
            </ul>
        </figure>
    }
}

/// The SVG's shapes: the axis, its highest and lowest values, the bars, the line, and the
/// first and last bars' labels.
fn svg(bars: &[Bar], line: Option<&[f64]>, format: fn(f64) -> String) -> String {
    let bars_max = bars
        .iter()
        .map(|b| b.parts.iter().sum::<f64>())
        .fold(0.0, f64::max);
    let max = line.map_or(bars_max, |l| l.iter().copied().fold(bars_max, f64::max));
    let plot = HEIGHT - BOTTOM;
    let scale = |v: f64| {
        if max > 0.0 {
            (v / max * f64::from(plot - 4)).round() as i32
        } else {
            0
        }
    };
    // Each bar's share of the width, in hundredths of a unit.
    let slot = (WIDTH - LEFT) * 100 / bars.len().max(1) as i32;
    let mut out = format!(
        r#"<line class="chart-axis" x1="{LEFT}" y1="{plot}" x2="{WIDTH}" y2="{plot}"/><text class="chart-tick" x="{}" y="10" text-anchor="end">{}</text><text class="chart-tick" x="{}" y="{plot}" text-anchor="end">{}</text>"#,
        LEFT - 4,
        escape(&format(max)),
        LEFT - 4,
        escape(&format(0.0)),
    );
    for (i, bar) in bars.iter().enumerate() {
        let x = LEFT + (i as i32 * slot + slot / 10) / 100;
        let width = (slot * 8 / 1000).max(1);
        let mut top = plot;
        for (s, v) in bar.parts.iter().enumerate() {
            let h = scale(*v);
            top -= h;
            out += &format!(
                r#"<rect class="chart-s{}" x="{x}" y="{top}" width="{width}" height="{h}"/>"#,
                s % 4
            );
        }
    }
    if let Some(line) = line {
        let points: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let x = LEFT + (i as i32 * slot + slot / 2) / 100;
                format!("{x},{}", plot - scale(*v))
            })
            .collect();
        out += &format!(
            r#"<polyline class="chart-line" points="{}"/>"#,
            points.join(" ")
        );
    }
    if let Some(first) = bars.first() {
        out += &format!(
            r#"<text class="chart-tick" x="{LEFT}" y="{}">{}</text>"#,
            HEIGHT - 2,
            escape(&first.label)
        );
    }
    if let Some(last) = bars.last().filter(|_| bars.len() > 1) {
        out += &format!(
            r#"<text class="chart-tick" x="{WIDTH}" y="{}" text-anchor="end">{}</text>"#,
            HEIGHT - 2,
            escape(&last.label)
        );
    }
    out
}

/// Text as SVG markup.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
