//! Entry point for Trunk: install the panic hook and mount the console.

fn main() {
    // The wasm is fetched, compiled and instantiated by now.
    modelarts_console::clock::mark("start");
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(modelarts_console::shell::App);
    // The first view is built (the browser lays it out and paints next).
    modelarts_console::clock::mark("mounted");
    modelarts_console::shell::on_demand::preload_after_first_paint();
}
