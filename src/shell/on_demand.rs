//! Pages whose code is fetched when first shown.
//!
//! The release site is split (`--cfg wasm_split`, set by `scripts/build.sh`): the Batch
//! Services list, which every session opens first, and what it needs stay in the main module;
//! the other pages (and the list's Modify dialog, with the forms it shares with Deploy) are
//! three modules (services, pools, settings) with the code only they use, plus small shared
//! chunks. Once the first page has painted, all of them are fetched in the background, so a
//! later navigation is instant and does not need the host any more. Other builds (browser tests,
//! `cargo check`) are not split: these functions are then plain calls.
//!
//! The reducer, [`Console::apply`], is a module of its own too (`commands`), with the encoder
//! of the stored form: the first page reads and ticks the console but changes it only when the
//! user acts, so it paints without the rules of every command (Deploy's and the pools'
//! validation, the import's checks) and without the code that writes the state. It is fetched
//! first of all after the first paint; a command or a save before it arrived waits for it.
//!
//! The readers of older saved data are one too (`json`: version 5's binary form, the
//! migrations of JSON of versions 1-4, and the host's `catalog.json`), so the first page holds
//! only the reader of the current stored form. A console whose saved data is older waits for
//! that module before it opens the data.
//!
//! So is the demo (`demo`), which only a first run needs: that run waits for it before it
//! opens. It is not preloaded.
//!
//! A module that cannot be fetched (the host went away before it was preloaded) shows a
//! message in the page with a way to try again; the rest of the console keeps working.

use console_core::catalog::CatalogError;
use console_core::snapshot::{self, Encoder, SnapshotError, Unreadable};
use console_core::{
    Catalog, Command, Console, ConsoleState, DomainError, ExportScope, Millis, Outcome, PoolQuery,
    PoolType, RealTimeQuery,
};
use leptos::prelude::*;

#[cfg(wasm_split)]
use crate::components::dialog::Dialog;
use crate::i18n::t;
use crate::pages::batch_services::deploy::DeployPage;
use crate::pages::batch_services::details::ServiceDetails;
use crate::pages::batch_services::modify_dialog::ModifyDialog;
use crate::pages::pools::create::CreatePoolPage;
use crate::pages::pools::details::PoolDetails;
use crate::pages::pools::list::PoolList;
use crate::pages::pools::scale::ScalePool;
use crate::pages::real_time::deploy::RealTimeDeployPage;
use crate::pages::real_time::details::RealTimeDetails;
use crate::pages::real_time::list::RealTimeList;
use crate::pages::real_time::modify::RealTimeModifyPage;
use crate::pages::settings::Settings;
use crate::route::RealTimeTab;

/// A page's module could not be fetched.
#[derive(Debug, Clone, Copy)]
pub struct NotLoaded;

#[cfg(wasm_split)]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Declares a function that, in a split build, lives in `$module` and is loaded when called
/// (then `async`, and [`NotLoaded`] when its module cannot be fetched); `$preload` fetches its
/// module without calling it. Each function waits on a loader of its own (the module is
/// fetched once), hence one preload each. A page function's value is its view (`pub`).
macro_rules! on_demand {
    ($(#[$doc:meta])* $vis:vis $module:ident, $preload:ident:
        fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty => $body:expr) => {
        $(#[$doc])*
        #[cfg_attr(
            wasm_split,
            leptos::wasm_split::wasm_split(
                $module,
                wasm_split_path = leptos::wasm_split,
                preload($preload),
                fallible
            )
        )]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, NotLoaded> {
            Ok($body)
        }
    };
}

/// The pages (and page-sized dialogs) fetched on demand, one line each: the module that holds
/// it, its preload's name, and the function that builds its view. Each becomes that function
/// (a plain call in builds that are not split), shown with `show!(on_demand::name; args)` and
/// preloaded after the first paint with the others.
macro_rules! pages {
    ($($module:ident, $preload:ident: fn $name:ident($($arg:ident: $ty:ty),*) => $page:expr;)*) => {
        $(
            on_demand!(pub $module, $preload: fn $name($($arg: $ty),*) -> AnyView => $page);
            /// The page's preload, for [`show!`].
            #[cfg(wasm_split)]
            pub mod $name {
                pub use super::$preload as preload;
            }
        )*
        /// Fetches every page's module.
        #[cfg(wasm_split)]
        fn preload_pages() {
            $(fetch_in_background($preload());)*
        }
    };
}

pages! {
    services, preload_deploy_page: fn deploy_page() => view! { <DeployPage /> }.into_any();
    services, preload_service_details: fn service_details(id: String) =>
        view! { <ServiceDetails service_id=id /> }.into_any();
    services, preload_modify_dialog: fn modify_dialog(id: String, on_close: Callback<()>) =>
        view! { <ModifyDialog service_id=id on_close=on_close /> }.into_any();
    pools, preload_pool_list: fn pool_list(pool_type: Signal<PoolType>, query: Signal<PoolQuery>) =>
        view! { <PoolList pool_type=pool_type query=query /> }.into_any();
    pools, preload_create_pool: fn create_pool(pool_type: PoolType) =>
        view! { <CreatePoolPage pool_type=pool_type /> }.into_any();
    pools, preload_pool_details: fn pool_details(id: String) =>
        view! { <PoolDetails pool_id=id /> }.into_any();
    pools, preload_scale_pool: fn scale_pool(id: String) => view! { <ScalePool pool_id=id /> }.into_any();
    settings, preload_settings_page: fn settings_page() => view! { <Settings /> }.into_any();
    realtime, preload_real_time_list: fn real_time_list(query: Signal<RealTimeQuery>) =>
        view! { <RealTimeList query=query /> }.into_any();
    realtime, preload_real_time_deploy: fn real_time_deploy() =>
        view! { <RealTimeDeployPage /> }.into_any();
    realtime, preload_real_time_details: fn real_time_details(id: String, tab: Signal<RealTimeTab>) =>
        view! { <RealTimeDetails service_id=id tab=tab /> }.into_any();
    realtime, preload_real_time_modify: fn real_time_modify(id: String) =>
        view! { <RealTimeModifyPage service_id=id /> }.into_any();
}

/// Calls a function of a module that is known to be loaded, like a plain call: in a split
/// build it is `async` and ready at once (or, were the module missing, [`NotLoaded`]).
macro_rules! at_once {
    ($call:expr) => {{
        #[cfg(wasm_split)]
        let called = ready($call).unwrap_or(Err(NotLoaded));
        #[cfg(not(wasm_split))]
        let called = $call;
        called
    }};
}

/// What the `commands` module does: apply a command, or encode the state to save it.
// Built for one call and moved straight into it.
#[allow(clippy::large_enum_variant)]
enum Job<'a> {
    Apply(&'a mut Console, Command),
    Encode(&'a mut Encoder, &'a Console, u64),
}

/// What it did.
enum Done {
    Applied(Result<Outcome, DomainError>),
    Encoded(String),
}

on_demand!(
    /// [`Console::apply`] and [`Encoder::encode_console`], which in a split build live in the
    /// `commands` module: the first page reads the saved state and ticks it, but changes it,
    /// and so writes it, only after a command (a tick's save waits for the module, see
    /// [`crate::state`]). Call them through [`reducer`], which makes sure that module is
    /// there. One split point for both, so that one loader says when the module is.
    commands, preload_commands: fn commands_in_module(job: Job<'_>, now: Millis) -> Done =>
        match job {
            Job::Apply(console, command) => Done::Applied(console.apply(command, now)),
            Job::Encode(encoder, console, revision) => {
                Done::Encoded(encoder.encode_console(console, now, revision))
            }
        }
);

/// Applies commands and encodes the state for saving: only handed out once their module is
/// loaded, so that its methods run at once, like plain calls.
#[derive(Clone, Copy)]
pub struct Reducer(());

impl Reducer {
    pub fn apply(
        self,
        console: &mut Console,
        command: Command,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        match at_once!(commands_in_module(Job::Apply(console, command), now)) {
            Ok(Done::Applied(result)) => result,
            _ => Err(DomainError::NotLoaded),
        }
    }

    /// The stored form of `console` as the `revision`-th save at `now`, through `encoder`
    /// (which re-serialises only what changed since its last text).
    pub fn encode(
        self,
        encoder: &mut Encoder,
        console: &Console,
        now: Millis,
        revision: u64,
    ) -> Result<String, NotLoaded> {
        match at_once!(commands_in_module(
            Job::Encode(encoder, console, revision),
            now
        )) {
            Ok(Done::Encoded(text)) => Ok(text),
            _ => Err(NotLoaded),
        }
    }
}

/// The reducer, once its module is there: at once when it already is (it is preloaded after
/// the first paint, and always there in builds that are not split), otherwise once it has been
/// fetched; [`NotLoaded`] when it cannot be (a later call tries again). Only the store calls
/// it ([`crate::state::ConsoleStore::act`]).
pub async fn reducer() -> Result<Reducer, NotLoaded> {
    #[cfg(wasm_split)]
    preload_commands().await?;
    Ok(Reducer(()))
}

on_demand!(
    /// The demo ([`console_core::demo::demo_console`]), which in a split build is a module of
    /// its own (`demo`): only a first run needs it (or a start whose saved data cannot be
    /// used), and the first page of every other start paints without it. It is not preloaded.
    demo, preload_demo: fn demo_in_module(catalog: Catalog, now: Millis) -> Console =>
        console_core::demo::demo_console(catalog, now, crate::i18n::lang())
);

/// The demo console at `now`, when its module is there (always, in builds that are not
/// split; otherwise after [`demo_module`]).
pub fn demo_console_now(catalog: Catalog, now: Millis) -> Option<Console> {
    at_once!(demo_in_module(catalog, now)).ok()
}

/// Fetches the demo's module; [`NotLoaded`] when it cannot be.
pub async fn demo_module() -> Result<(), NotLoaded> {
    #[cfg(wasm_split)]
    preload_demo().await?;
    Ok(())
}

on_demand!(
    /// [`Console::export`], which in a split build lives in the `settings` module with the
    /// import: call it through [`with_exporter`].
    settings, preload_export:
        fn export_in_module(console: &Console, scope: ExportScope, now: Millis) -> String =>
        console.export(scope, now)
);

/// Builds export files: only handed out once their module is loaded (see [`Reducer`]).
#[derive(Clone, Copy)]
pub struct Exporter(());

impl Exporter {
    /// The export file of the selected region's `scope` at `now` (simulated time).
    pub fn export(
        self,
        console: &Console,
        scope: ExportScope,
        now: Millis,
    ) -> Result<String, NotLoaded> {
        at_once!(export_in_module(console, scope, now))
    }
}

/// The exporter, once its module is there (see [`reducer`]).
pub async fn exporter() -> Result<Exporter, NotLoaded> {
    #[cfg(wasm_split)]
    preload_export().await?;
    Ok(Exporter(()))
}

/// What [`read_json_in_module`] reads.
#[derive(Clone, Copy)]
enum JsonText {
    /// Saved console data in a form other than the current one ([`snapshot::decode_stored`]).
    Saved,
    /// A `catalog.json` ([`Catalog::from_json`]).
    Catalog,
}

/// What it read.
enum JsonRead {
    Saved(Result<(ConsoleState, bool), SnapshotError>),
    Catalog(Result<Catalog, CatalogError>),
}

on_demand!(
    /// The readers of older saved data (and of the host's `catalog.json`), which in a split
    /// build live in the `json` module: the first page reads only the current stored form
    /// ([`snapshot::decode_current`]). Call them through a [`JsonReader`].
    json, preload_json: fn read_json_in_module(text: &str, what: JsonText) -> JsonRead =>
        match what {
            JsonText::Saved => JsonRead::Saved(snapshot::decode_stored(text)),
            JsonText::Catalog => JsonRead::Catalog(Catalog::from_json(text)),
        }
);

/// Reads JSON: only handed out once its module is loaded (see [`Reducer`]).
#[derive(Clone, Copy)]
pub struct JsonReader(());

impl JsonReader {
    fn read(self, text: &str, what: JsonText) -> Option<JsonRead> {
        at_once!(read_json_in_module(text, what)).ok()
    }

    /// Saved data in any form, and whether it is in the current stored form.
    pub fn saved(self, text: &str) -> Result<(ConsoleState, bool), SnapshotError> {
        match self.read(text, JsonText::Saved) {
            Some(JsonRead::Saved(read)) => read,
            _ => Err(SnapshotError::Unreadable(Unreadable::ReaderNotLoaded {
                older_form: false,
            })),
        }
    }

    /// A `catalog.json`, validated.
    pub fn catalog(self, text: &str) -> Result<Catalog, CatalogError> {
        match self.read(text, JsonText::Catalog) {
            Some(JsonRead::Catalog(read)) => read,
            _ => Err(CatalogError::ReaderNotLoaded),
        }
    }
}

/// The JSON reader, when its module is there (always, in builds that are not split).
pub fn json_reader_now() -> Option<JsonReader> {
    #[cfg(wasm_split)]
    return ready(preload_json())
        .and_then(Result::ok)
        .map(|()| JsonReader(()));
    #[cfg(not(wasm_split))]
    Some(JsonReader(()))
}

/// The JSON reader, once its module is there; [`NotLoaded`] when it cannot be fetched.
pub async fn json_reader() -> Result<JsonReader, NotLoaded> {
    #[cfg(wasm_split)]
    preload_json().await?;
    Ok(JsonReader(()))
}

/// Shows a page of [`pages!`]: `show!(on_demand::service_details; id)`; a dialog names its
/// title (a `&'static str`) and close callback first,
/// `show!(dialog t().batch.modify_service, close => ...)`,
/// so that its loading and failure states are a dialog too.
#[cfg(wasm_split)]
macro_rules! show {
    (dialog $title:expr, $close:ident => $($page:tt)*) => {
        $crate::shell::on_demand::show!(@in $crate::shell::on_demand::Frame::Dialog { title: $title, on_close: $close }; $($page)*)
    };
    (@in $frame:expr; $($page:ident)::+ $(; $($arg:ident),*)?) => {
        $crate::shell::on_demand::loading(
            Box::new(move || -> $crate::shell::on_demand::Loading<AnyView> {
                Box::pin($($page)::+($($($arg.clone()),*)?))
            }),
            || -> $crate::shell::on_demand::Loading<()> {
                Box::pin(async { Ok($($page)::+::preload().await?) })
            },
            $frame,
        )
    };
    ($($page:tt)*) => {
        $crate::shell::on_demand::show!(@in $crate::shell::on_demand::Frame::Page; $($page)*)
    };
}
#[cfg(not(wasm_split))]
macro_rules! show {
    (dialog $title:expr, $close:ident => $($page:tt)*) => {
        $crate::shell::on_demand::show!($($page)*)
    };
    ($($page:ident)::+ $(; $($arg:ident),*)?) => {
        $crate::shell::on_demand::shown($($page)::+($($($arg),*)?))
    };
}
pub(crate) use show;

/// Where a module's loading and failure states show.
#[derive(Clone, Copy)]
pub enum Frame {
    /// In the page's place.
    Page,
    /// In a dialog with the page's title, which Cancel, Escape or the backdrop close.
    Dialog {
        title: &'static str,
        on_close: Callback<()>,
    },
}

/// The page, or why it is missing.
pub fn shown(page: Result<AnyView, NotLoaded>) -> AnyView {
    page.unwrap_or_else(|NotLoaded| view! { <NotLoadedNotice /> }.into_any())
}

/// What a split function, or a module's preload, gives: boxed, so that [`loading`] is one
/// function for every page rather than one copy per page (its copies were most of the shell's
/// code in the first page).
#[cfg(wasm_split)]
pub type Loading<T> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<T, NotLoaded>>>>;

/// Builds the page at once when its module is there (it is preloaded after the first paint),
/// like any other page; otherwise says it is loading, fetches the module and builds the page
/// then. The page is always built synchronously in this view's owner, never inside a future,
/// so it is disposed with the route like the pages of the main module.
#[cfg(wasm_split)]
pub fn loading(
    page: Box<dyn Fn() -> Loading<AnyView> + Send + Sync>,
    preload: fn() -> Loading<()>,
    frame: Frame,
) -> AnyView {
    if let Some(page) = ready(page()) {
        return shown(page);
    }
    let (module, fetch) = fetch_module(preload);
    let retry = Callback::new(move |()| fetch());
    let state = move || match module.get() {
        Fetch::Loading => {
            view! { <p class="page-loading" role="status">{t().shell.loading}</p> }.into_any()
        }
        // Ready at once: the preload awaited this page's own loader.
        Fetch::Loaded => match untrack(|| ready(page())) {
            Some(Ok(page)) => page,
            _ => view! { <NotLoadedNotice on_retry=retry /> }.into_any(),
        },
        Fetch::Failed => view! { <NotLoadedNotice on_retry=retry /> }.into_any(),
    };
    match frame {
        Frame::Page => state.into_any(),
        // Once loaded, the dialog itself takes the place of this one.
        Frame::Dialog { title, on_close } => (move || match module.get() {
            Fetch::Loaded => state(),
            _ => {
                let inside = state();
                view! {
                    <Dialog title=title on_close=on_close>
                        {inside}
                        <div class="dialog-footer">
                            <button type="button" class="button" on:click=move |_| on_close.run(())>{t().common.cancel}</button>
                        </div>
                    </Dialog>
                }
                .into_any()
            }
        })
        .into_any(),
    }
}

/// Where fetching a module stands, for a view that waits for it.
#[derive(Clone, Copy, PartialEq)]
pub enum Fetch {
    Loading,
    Loaded,
    Failed,
}

/// Fetches a module with `preload` now, and anew each time the function returned is called
/// ("Try Again": a failed fetch is not remembered); the signal says where the last one stands.
pub fn fetch_module<F>(
    preload: impl Fn() -> F + Copy + Send + 'static,
) -> (ReadSignal<Fetch>, impl Fn() + Copy + Send + 'static)
where
    F: std::future::Future<Output = Result<(), NotLoaded>> + 'static,
{
    let state = RwSignal::new(Fetch::Loading);
    let fetch = move || {
        state.set(Fetch::Loading);
        leptos::task::spawn_local(async move {
            let done = match preload().await {
                Ok(()) => Fetch::Loaded,
                Err(NotLoaded) => Fetch::Failed,
            };
            let _ = state.try_set(done);
        });
    };
    fetch();
    (state.read_only(), fetch)
}

/// Polls a future once: the value when it is ready at once.
#[cfg(wasm_split)]
fn ready<T>(future: impl std::future::Future<Output = T>) -> Option<T> {
    use std::task::{Context, Poll, Waker};
    match std::pin::pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

/// Fetches every page module in the background, once the first page has painted.
pub fn preload_after_first_paint() {
    #[cfg(wasm_split)]
    crate::clock::when_idle_after_paint(|| {
        // First the reducer, which any click on the first page may need.
        fetch_in_background(preload_commands());
        // Then what another tab of an older console may write, and the host's catalog.
        fetch_in_background(preload_json());
        fetch_in_background(preload_export());
        preload_pages();
    });
}

/// Fetches a module on its own, so that the modules are fetched together. A failure is not
/// shown: a page says so if it is opened.
#[cfg(wasm_split)]
fn fetch_in_background<E>(preload: impl std::future::Future<Output = Result<(), E>> + 'static) {
    leptos::task::spawn_local(async {
        let _ = preload.await;
    });
}

/// Says that a page could not be loaded, with a way to try again.
#[component]
fn NotLoadedNotice(#[prop(optional, into)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let words = &t().shell;
    view! {
        <div class="page-not-loaded" role="alert">
            <p>{words.page_not_loaded}</p>
            {on_retry.map(|retry| view! {
                <button type="button" class="button" on:click=move |_| retry.run(())>
                    {words.try_again}
                </button>
            })}
        </div>
    }
}
