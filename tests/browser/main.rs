//! Browser component tests (wasm-bindgen-test in headless Chromium), in one test crate so
//! that the app is linked and prepared for the browser once.

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
mod console_app;
mod forms;
mod pools;
mod real_time_forms;
mod routes_and_storage;
