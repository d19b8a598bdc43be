//! The web page and its assets, embedded in the binary so the server needs
//! nothing beside itself.

use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::Json;

const INDEX_HTML: &str = include_str!("../static/index.html");
const APP_JS: &str = include_str!("../static/app.js");
const STYLE_CSS: &str = include_str!("../static/style.css");

/// The example cluster shipped with brief (`examples/tillerson-moscow/`).
const EXAMPLE: &[(&str, &str)] = &[
    (
        "000_ea5c1e99dc24bb83",
        include_str!("../../../examples/tillerson-moscow/000_ea5c1e99dc24bb83.txt"),
    ),
    (
        "001_02b87296709b171c",
        include_str!("../../../examples/tillerson-moscow/001_02b87296709b171c.txt"),
    ),
    (
        "002_15dfff76ed085bb3",
        include_str!("../../../examples/tillerson-moscow/002_15dfff76ed085bb3.txt"),
    ),
    (
        "003_360affecd95d8f15",
        include_str!("../../../examples/tillerson-moscow/003_360affecd95d8f15.txt"),
    ),
    (
        "004_7afbe845a52e5287",
        include_str!("../../../examples/tillerson-moscow/004_7afbe845a52e5287.txt"),
    ),
];

pub(crate) async fn index() -> Html<&'static str> {
    Html(INDEX_HTML)
}

pub(crate) async fn app_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        APP_JS,
    )
        .into_response()
}

pub(crate) async fn style_css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        STYLE_CSS,
    )
        .into_response()
}

pub(crate) async fn example() -> Json<serde_json::Value> {
    let documents: Vec<serde_json::Value> = EXAMPLE
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}))
        .collect();
    Json(serde_json::json!({"id": "tillerson-moscow", "documents": documents}))
}
