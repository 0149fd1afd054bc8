//! Create Dedicated Resource Pool: the type fixed by the tab it was opened from, every field
//! checked by the core as the user leaves it, a live cost estimate, and a confirmation with
//! the summary and price before anything is created.

use console_core::pool::create::{MAX_POOL_DESCRIPTION_CHARS, PREPAID_DEPLOYMENT_REGION};
use console_core::validation::Field;
use console_core::{
    format, AzChoice, BillingMode, Command, NetworkInput, PoolPrice, PoolQuery, PoolRequest,
    PoolType, RequiredDuration,
};
use leptos::prelude::*;

use crate::components::dialog::Dialog;
use crate::components::form::{
    CheckboxField, ErrorSummary, FormCheck, NumberField, RadioField, SelectField, TextAreaField,
    TextField,
};
use crate::components::page_header::{Crumb, PageHeader};
use crate::i18n::{lang, say, t};
use crate::route::{use_router, Route};
use crate::state::{use_store, ConsoleStore};

/// What the Create form holds, as typed.
#[derive(Clone, Copy)]
struct PoolForm {
    billing_mode: RwSignal<BillingMode>,
    name: RwSignal<String>,
    description: RwSignal<String>,
    nodes: RwSignal<String>,
    flavor: RwSignal<String>,
    duration: RwSignal<RequiredDuration>,
    auto_renew: RwSignal<bool>,
    custom_network: RwSignal<bool>,
    vpc: RwSignal<String>,
    subnet: RwSignal<String>,
    security_group: RwSignal<String>,
    az: RwSignal<AzChoice>,
}

impl PoolForm {
    fn new(store: ConsoleStore) -> PoolForm {
        let (name, flavor) = store.untracked(|c| (c.suggested_pool_name(), c.default_flavor()));
        PoolForm {
            billing_mode: RwSignal::new(BillingMode::PayPerUse),
            name: RwSignal::new(name),
            description: RwSignal::new(String::new()),
            nodes: RwSignal::new("1".into()),
            flavor: RwSignal::new(flavor),
            duration: RwSignal::new(RequiredDuration::Months(1)),
            auto_renew: RwSignal::new(false),
            custom_network: RwSignal::new(false),
            vpc: RwSignal::new(String::new()),
            subnet: RwSignal::new(String::new()),
            security_group: RwSignal::new(String::new()),
            az: RwSignal::new(AzChoice::Random),
        }
    }

    /// The request the form stands for (tracked: validation and price follow it).
    fn request(&self, pool_type: PoolType) -> PoolRequest {
        let prepaid = self.billing_mode.get() == BillingMode::YearlyMonthly;
        PoolRequest {
            pool_type,
            billing_mode: self.billing_mode.get(),
            name: self.name.get(),
            description: self.description.get(),
            nodes: self.nodes.with(|n| n.trim().parse().ok()),
            flavor: self.flavor.get(),
            duration: prepaid.then(|| self.duration.get()),
            auto_renew: prepaid && self.auto_renew.get(),
            network: (pool_type == PoolType::ServiceDeployment && self.custom_network.get()).then(
                || NetworkInput {
                    vpc_id: self.vpc.get(),
                    subnet_id: self.subnet.get(),
                    security_group_id: self.security_group.get(),
                },
            ),
            az: if pool_type == PoolType::ServiceDeployment {
                self.az.get()
            } else {
                AzChoice::Random
            },
        }
    }
}

/// The estimate as the console words it.
pub fn price_text(price: Option<PoolPrice>) -> String {
    let words = &t().pools;
    match price {
        None => words.price_missing.into(),
        Some(PoolPrice::PerHour(p)) => (words.per_hour)(&format::usd(p)),
        Some(PoolPrice::Prepaid {
            total,
            billed_months,
            months,
            saving,
        }) if months != billed_months => {
            (words.prepaid_year)(&format::usd(total), billed_months, &format::usd(saving))
        }
        Some(PoolPrice::Prepaid { total, months, .. }) => {
            (words.prepaid_months)(&format::usd(total), months)
        }
    }
}

/// The Create page for a pool of `pool_type`. Emits a CreatePool command on confirmation and
/// returns to the tab.
#[component]
pub fn CreatePoolPage(pool_type: PoolType) -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let form = PoolForm::new(store);
    let request = Memo::new(move |_| form.request(pool_type));
    let check = FormCheck::new(move || request.with(|r| store.track_ticks(|c| c.validate_pool(r))));
    let price = Memo::new(move |_| request.with(|r| store.track_ticks(|c| c.pool_price(r))));
    let general_error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let deployment = pool_type == PoolType::ServiceDeployment;

    // A new VPC brings its own subnets and security groups: the old choices are cleared.
    Effect::new(move |previous: Option<String>| {
        let vpc = form.vpc.get();
        if previous.is_some_and(|p| p != vpc) {
            form.subnet.set(String::new());
            form.security_group.set(String::new());
        }
        vpc
    });

    let words = &t().pools;
    let common = &t().common;
    let modes =
        Signal::derive(move || store.track_ticks(|c| c.billing_mode_choices(pool_type, lang())));
    let flavors = Signal::derive(move || store.track_ticks(|c| c.flavor_choices(lang())));
    let durations =
        Signal::derive(move || store.track_ticks(|c| c.duration_choices(pool_type, lang())));
    let azs = Signal::derive(move || store.track_ticks(|c| c.az_choices(lang())));
    let vpcs = Signal::derive(move || store.track_ticks(|c| c.vpc_choices(lang())));
    let subnets = Signal::derive(move || {
        let vpc = form.vpc.get();
        store.track_ticks(|c| c.subnet_choices(&vpc, lang()))
    });
    let groups = Signal::derive(move || {
        let vpc = form.vpc.get();
        store.track_ticks(|c| c.security_group_choices(&vpc, lang()))
    });
    let quota = Memo::new(move |_| {
        store.track_ticks(|c| (c.nodes_left(), c.node_quota(), c.region_name().to_string()))
    });
    let prepaid = move || form.billing_mode.get() == BillingMode::YearlyMonthly;
    let list_href = Route::Pools(pool_type, PoolQuery::default()).href();

    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        general_error.set(None);
        if check.submit() {
            confirming.set(true);
        }
    };
    let create = store.command_action(move |result| match result {
        Ok(_) => router.push(Route::Pools(pool_type, PoolQuery::default())),
        Err(e) => {
            confirming.try_set(false);
            general_error.try_set(Some(say().domain_error(&e)));
        }
    });
    let submit = move |_| {
        create.dispatch_local(Command::CreatePool(request.get_untracked()));
    };
    let mode_hint = deployment.then(|| (words.prepaid_region_hint)(PREPAID_DEPLOYMENT_REGION));

    view! {
        <PageHeader
            crumbs=vec![
                Crumb::link(t().shell.pools, &list_href),
                Crumb::here(words.create_title),
            ]
            title=words.create_title.to_string()
        />
        <form class="form deploy-form pool-form" novalidate on:submit=next>
            <section class="panel form-section" aria-labelledby="pool-basic">
                <h2 id="pool-basic">{words.basic_information}</h2>
                <div class="field">
                    <span class="field-label" id="resource-type-label">{words.resource_type}</span>
                    <p class="fixed-value" aria-labelledby="resource-type-label">
                        <strong>{say().pool_type(pool_type)}</strong>
                        <span class="muted">{words.type_fixed}</span>
                    </p>
                </div>
                <RadioField field=Field::BillingMode value=form.billing_mode options=modes check=check />
                {mode_hint.map(|h| view! { <p class="field-hint">{h}</p> })}
                <TextField
                    field=Field::Name
                    value=form.name
                    check=check
                    hint=words.name_hint
                />
                <TextAreaField field=Field::Description value=form.description check=check max_chars=MAX_POOL_DESCRIPTION_CHARS />
            </section>
            <section class="panel form-section" aria-labelledby="pool-resources">
                <h2 id="pool-resources">{words.resources}</h2>
                {deployment.then(|| view! {
                    <CheckboxField
                        label=words.custom_network
                        value=form.custom_network
                        hint=words.custom_network_hint
                    />
                    <Show when=move || form.custom_network.get()>
                        <div class="network-fields">
                            <SelectField field=Field::Vpc value=form.vpc options=vpcs check=check />
                            <SelectField field=Field::Subnet value=form.subnet options=subnets check=check />
                            <SelectField field=Field::SecurityGroup value=form.security_group options=groups check=check />
                        </div>
                    </Show>
                    <SelectField field=Field::Az value=form.az options=azs check=check />
                })}
                <NumberField
                    field=Field::Nodes
                    value=form.nodes
                    check=check
                    min=1
                    max=Signal::derive(move || quota.with(|q| q.0.max(1)))
                    hint=Signal::derive(move || quota.with(|(left, total, region)| (words.nodes_hint)(*left, *total, region)))
                />
                <SelectField field=Field::Specifications value=form.flavor options=flavors check=check />
                <Show when=prepaid>
                    <SelectField field=Field::RequiredDuration value=form.duration options=durations check=check />
                    <CheckboxField
                        label=words.auto_renew
                        value=form.auto_renew
                        hint=words.auto_renew_hint
                    />
                </Show>
            </section>
            <div class="form-footer panel">
                <ErrorSummary check=check />
                <Show when=move || general_error.with(|e| e.is_some())>
                    <p class="form-error" role="alert">{move || general_error.get()}</p>
                </Show>
                <div class="form-footer-row">
                    <p class="price-line" aria-live="polite">
                        {words.price_colon} <strong class="pool-price">{move || price_text(price.get())}</strong>
                    </p>
                    <a class="button" href=list_href.clone()>{common.cancel}</a>
                    <button type="submit" class="button primary">{common.next}</button>
                </div>
            </div>
        </form>
        <Show when=move || confirming.get()>
            <Dialog title=words.confirm_title on_close=Callback::new(move |_| confirming.set(false))>
                <PoolSummary request=request price=price />
                <div class="dialog-footer">
                    <button type="button" class="button primary" disabled=move || create.pending().get() on:click=submit>{common.submit}</button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>{t().common.back}</button>
                </div>
            </Dialog>
        </Show>
    }
}

/// What will be created, and its price, before it is.
#[component]
fn PoolSummary(request: Memo<PoolRequest>, price: Memo<Option<PoolPrice>>) -> impl IntoView {
    let store = use_store();
    let words = &t().pools;
    let common = &t().common;
    let rows = move || {
        request.with(|r| {
            store.track_ticks(|c| {
                let prepaid = r.billing_mode == BillingMode::YearlyMonthly;
                let mut rows = vec![
                    (
                        words.resource_type,
                        say().pool_type(r.pool_type).to_string(),
                    ),
                    (
                        say().field(Field::BillingMode),
                        say().billing_mode(r.billing_mode).to_string(),
                    ),
                    (common.name, r.name.trim().to_string()),
                    (
                        common.description,
                        if r.description.is_empty() {
                            "-".into()
                        } else {
                            r.description.clone()
                        },
                    ),
                ];
                if r.pool_type == PoolType::ServiceDeployment {
                    rows.push((
                        words.custom_network,
                        r.network.as_ref().map_or(words.off.into(), |n| {
                            format!("{} / {} / {}", n.vpc_id, n.subnet_id, n.security_group_id)
                        }),
                    ));
                    rows.push((say().field(Field::Az), r.az.label(lang()).to_string()));
                }
                rows.push((
                    say().field(Field::Nodes),
                    r.nodes.map_or("-".into(), |n| n.to_string()),
                ));
                rows.push((
                    words.specifications,
                    c.catalog().flavor_display(&r.flavor).to_string(),
                ));
                if prepaid {
                    rows.push((
                        say().field(Field::RequiredDuration),
                        r.duration
                            .map_or("-".into(), |d| say().required_duration(d)),
                    ));
                    let renew = if r.auto_renew { words.on } else { words.off };
                    rows.push((words.auto_renew, renew.into()));
                }
                rows.push((t().common.price, price_text(price.get())));
                rows
            })
        })
    };
    view! {
        <p>{words.summary_intro}</p>
        <dl class="summary-list">
            {move || rows().into_iter().map(|(k, v)| view! { <div class="summary-row"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
        </dl>
    }
}
