//! Import from a file: the core checks the whole file and previews what it would add, replace
//! and keep; nothing changes until Import is confirmed, and then the file is applied as one
//! command (re-checked against the freshest state, so another tab's change meanwhile is
//! respected).

use std::sync::Arc;

use console_core::transfer::{ImportProblem, MAX_IMPORT_BYTES};
use console_core::{Command, DomainError, ImportErrors, ImportGroup, ImportPlan};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::components::dialog::Dialog;
use crate::i18n::{say, t};
use crate::notices::ToastKind;
use crate::state::use_store;

/// At most this many names are listed per group in the preview.
const LISTED: usize = 20;

/// Where an import stands.
#[derive(Clone, Debug)]
enum Stage {
    Reading(String),
    /// A valid file: its text (applied on confirm) and what it would do.
    Planned {
        file_name: String,
        text: Arc<String>,
        plan: Box<ImportPlan>,
    },
    Refused {
        file_name: String,
        errors: ImportErrors,
    },
}

/// "Import" (a file picker) and the dialog that previews or refuses the chosen file.
#[component]
pub fn ImportButton() -> impl IntoView {
    let store = use_store();
    let stage = RwSignal::new(None::<Stage>);
    let input = NodeRef::<leptos::html::Input>::new();
    let close = Callback::new(move |_| {
        stage.set(None);
        // The same file can be chosen again.
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
    });
    let chosen = move |_| {
        let Some(file) = input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        let file_name = file.name();
        if file.size() > MAX_IMPORT_BYTES as f64 {
            let errors = ImportErrors::too_large(file.size() as u64);
            stage.set(Some(Stage::Refused { file_name, errors }));
            return;
        }
        stage.set(Some(Stage::Reading(file_name.clone())));
        // Nothing reactive is created in the task: it runs under no particular owner.
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            let next = match text {
                None => Stage::Refused {
                    file_name,
                    errors: ImportErrors::unreadable_file(),
                },
                Some(text) => match store.untracked(|c| c.plan_import(&text, store.sim_now())) {
                    Ok(plan) => Stage::Planned {
                        file_name,
                        text: Arc::new(text),
                        plan: Box::new(plan),
                    },
                    Err(errors) => Stage::Refused { file_name, errors },
                },
            };
            stage.try_set(Some(next));
        });
    };
    let confirm = Action::new_local(move |(text, file_name): &(Arc<String>, String)| {
        let command = Command::Import {
            text: text.to_string(),
        };
        let file_name = file_name.clone();
        async move {
            // A refusal is shown in the dialog (every error), so only success is toasted.
            match store.act(command).await {
                Ok(outcome) => {
                    store
                        .notices()
                        .toast(ToastKind::Success, say().outcome(&outcome));
                    let _ = close.try_run(());
                }
                Err(DomainError::Import(errors)) => {
                    stage.try_set(Some(Stage::Refused { file_name, errors }));
                }
                Err(other) => {
                    let errors =
                        ImportErrors::whole(ImportProblem::Said(say().domain_error(&other)));
                    stage.try_set(Some(Stage::Refused { file_name, errors }));
                }
            }
        }
    });
    let busy = Signal::from(confirm.pending());
    view! {
        <label class="button file-button">
            {t().settings.import}
            <input
                type="file"
                class="sr-only"
                accept=".json,application/json"
                node_ref=input
                on:change=chosen
            />
        </label>
        {move || stage.get().map(|s| view! { <ImportDialog stage=s busy=busy on_close=close on_confirm=Callback::new(move |file| { confirm.dispatch_local(file); }) /> })}
    }
}

#[component]
fn ImportDialog(
    stage: Stage,
    /// While the confirmed import is on its way (Import is disabled meanwhile).
    #[prop(into)]
    busy: Signal<bool>,
    on_close: Callback<()>,
    on_confirm: Callback<(Arc<String>, String)>,
) -> impl IntoView {
    let (words, common) = (&t().settings, &t().common);
    match stage {
        Stage::Reading(file_name) => view! {
            <Dialog title=words.import_data on_close=on_close>
                <p role="status">{words.reading} <span class="mono">{file_name}</span> {words.reading_end}</p>
            </Dialog>
        }
        .into_any(),
        Stage::Refused { file_name, errors } => {
            let heading = (words.refused)(&file_name, errors.total());
            let unlisted = errors.unlisted;
            view! {
                <Dialog title=words.import_data on_close=on_close>
                    <div role="alert" class="import-errors">
                        <p>{heading}</p>
                        <ul aria-label=words.errors>
                            {errors.errors.into_iter().map(|e| view! {
                                <li><code class="mono">{e.path}</code> {common.colon} {say().import_problem(&e.problem)}</li>
                            }).collect_view()}
                        </ul>
                        {(unlisted > 0).then(|| view! { <p>{(words.more_errors)(unlisted)}</p> })}
                    </div>
                    <div class="dialog-footer">
                        <button type="button" class="button primary" on:click=move |_| on_close.run(())>{common.close}</button>
                    </div>
                </Dialog>
            }
            .into_any()
        }
        Stage::Planned {
            file_name,
            text,
            plan,
        } => {
            let nothing = plan.added() + plan.replaced() == 0;
            let region_note = plan
                .changes_region
                .then(|| (words.region_note)(&plan.region_name));
            let from = (words.exported_from)(
                &file_name,
                &plan.console_version,
                &crate::clock::show(plan.exported_at),
            );
            view! {
                <Dialog title=words.import_data on_close=on_close>
                    <p class="muted">{from}</p>
                    <p role="status"><strong>{say().import_summary(&plan)}</strong></p>
                    {region_note.map(|n| view! { <p>{n}</p> })}
                    {plan.scope.includes_services().then(|| view! { <Group title=words.services group=plan.services.clone() /> })}
                    {plan.scope.includes_pools().then(|| view! { <Group title=t().shell.pools group=plan.pools.clone() /> })}
                    <p class="dialog-warning">{words.replace_note}</p>
                    <div class="dialog-footer">
                        <button
                            type="button"
                            class="button primary"
                            disabled=move || nothing || busy.get()
                            on:click=move |_| on_confirm.run((text.clone(), file_name.clone()))
                        >{words.import}</button>
                        <button type="button" class="button" on:click=move |_| on_close.run(())>{common.cancel}</button>
                    </div>
                </Dialog>
            }
            .into_any()
        }
    }
}

/// Added, replaced and kept resources of one kind, the first [`LISTED`] names of each.
#[component]
fn Group(title: &'static str, group: ImportGroup) -> impl IntoView {
    let words = &t().settings;
    let rows = [
        (words.added, group.added),
        (words.replaced, group.replaced),
        (words.kept, group.kept),
    ];
    view! {
        <div class="table-scroll">
            <table class="table compact" aria-label=title>
                <caption>{title}</caption>
                <tbody>
                    {rows.into_iter().map(|(what, items)| {
                        let n = items.len();
                        let mut names: Vec<String> = items.into_iter().take(LISTED).map(|i| i.name).collect();
                        if n > LISTED {
                            names.push((words.more_names)(n - LISTED));
                        }
                        view! {
                            <tr>
                                <th scope="row">{(words.group_row)(what, n)}</th>
                                <td>{names.join(t().common.list_separator)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
