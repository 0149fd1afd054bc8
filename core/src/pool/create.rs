//! The Create Dedicated Resource Pool form's input, its rules (field by field, in the form's
//! order) and its live price.

use crate::catalog::Catalog;
use crate::text::Lang;
use crate::validation::{Errors, Field, FieldError, Violation};

use super::{BillingMode, PoolType, RequiredDuration};

/// The only region where Service Deployment pools can be bought Yearly/Monthly.
pub const PREPAID_DEPLOYMENT_REGION: &str = "cn-north-4";
pub const MIN_NAME_CHARS: usize = 4;
pub const MAX_NAME_CHARS: usize = 64;
pub const MAX_POOL_DESCRIPTION_CHARS: usize = 256;
/// Months a Service Deployment pool can be bought for at most.
pub const MAX_DEPLOYMENT_MONTHS: u32 = 11;

/// Where the nodes go: anywhere (Random) or one AZ.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum AzChoice {
    #[default]
    Random,
    Az(String),
}

impl AzChoice {
    /// The choice as the form says it in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        match self {
            AzChoice::Random => crate::speak(lang).random_az(),
            AzChoice::Az(az) => az,
        }
    }
}

/// Custom Network Configuration, when it is on: ids from the region's network catalog (empty:
/// not chosen yet).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkInput {
    pub vpc_id: String,
    pub subnet_id: String,
    pub security_group_id: String,
}

/// What the Create form holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolRequest {
    /// Fixed by the tab the form was opened from.
    pub pool_type: PoolType,
    pub billing_mode: BillingMode,
    pub name: String,
    pub description: String,
    /// `None` when what was typed is not a whole number.
    pub nodes: Option<u32>,
    pub flavor: String,
    /// Yearly/Monthly only.
    pub duration: Option<RequiredDuration>,
    /// Yearly/Monthly only.
    pub auto_renew: bool,
    /// Service Deployment only; `Some` when Custom Network Configuration is on.
    pub network: Option<NetworkInput>,
    /// Service Deployment only.
    pub az: AzChoice,
}

impl PoolRequest {
    /// The form as it opens for `pool_type`.
    pub fn new(pool_type: PoolType, flavor: String) -> PoolRequest {
        PoolRequest {
            pool_type,
            billing_mode: BillingMode::PayPerUse,
            name: String::new(),
            description: String::new(),
            nodes: Some(1),
            flavor,
            duration: Some(RequiredDuration::Months(1)),
            auto_renew: false,
            network: None,
            az: AzChoice::Random,
        }
    }
}

/// The live price of the form's input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PoolPrice {
    /// Pay-per-use: USD per hour for all nodes.
    PerHour(f64),
    /// Yearly/Monthly: the total for the term, the months billed, and what 1 year saves.
    Prepaid {
        total: f64,
        billed_months: u32,
        months: u32,
        saving: f64,
    },
}

/// Why a Yearly/Monthly Service Deployment pool cannot be bought in `region_name`.
pub fn prepaid_deployment_refusal(region_name: &str) -> Violation {
    Violation::PrepaidDeploymentRegion {
        region_name: region_name.to_string(),
    }
}

/// Pool name: required; letters, digits, `-` and `_`; 4-64 characters.
pub fn pool_name(name: &str) -> Result<(), Violation> {
    if name.is_empty() {
        return Err(Violation::EnterName);
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(Violation::PoolNameCharacters);
    }
    let len = name.chars().count();
    if !(MIN_NAME_CHARS..=MAX_NAME_CHARS).contains(&len) {
        return Err(Violation::NameLength {
            min: MIN_NAME_CHARS,
            max: MAX_NAME_CHARS,
        });
    }
    Ok(())
}

/// Pool description: at most 256 characters, any text but control characters (tab and line
/// breaks aside), which an import refuses too.
pub fn pool_description(text: &str) -> Result<(), Violation> {
    if text.chars().count() > MAX_POOL_DESCRIPTION_CHARS {
        return Err(Violation::TooLong {
            max: MAX_POOL_DESCRIPTION_CHARS,
        });
    }
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && *c != '\t' && *c != '\n')
    {
        return Err(Violation::ControlCharacter { code: c as u32 });
    }
    Ok(())
}

/// Nodes: 1 to what is left of the region's quota.
pub fn nodes(
    nodes: Option<u32>,
    left: u32,
    quota: u32,
    region_name: &str,
) -> Result<(), Violation> {
    if left == 0 {
        return Err(Violation::NodeQuotaUsedUp {
            region_name: region_name.to_string(),
            quota,
        });
    }
    match nodes {
        Some(n) if (1..=left).contains(&n) => Ok(()),
        Some(n) if n > left => Err(Violation::NodeQuotaLeft {
            region_name: region_name.to_string(),
            left,
            quota,
        }),
        _ => Err(Violation::IntegerRange { min: 1, max: left }),
    }
}

/// Required Duration for the type: Development/Training 1-11 months or 1 year; Service
/// Deployment 1-11 months.
pub fn duration(pool_type: PoolType, duration: Option<RequiredDuration>) -> Result<(), Violation> {
    match (pool_type, duration) {
        (_, None) => Err(Violation::SelectDuration),
        (PoolType::ServiceDeployment, Some(RequiredDuration::Year)) => {
            Err(Violation::DeploymentMonths {
                max: MAX_DEPLOYMENT_MONTHS,
            })
        }
        (_, Some(RequiredDuration::Months(n))) if !(1..=11).contains(&n) => {
            Err(Violation::DurationRange)
        }
        _ => Ok(()),
    }
}

/// Checks the rules that need only the catalog and the region; the console adds the name's
/// uniqueness and the quota.
pub(crate) fn check_request(
    catalog: &Catalog,
    region: &str,
    request: &PoolRequest,
    errors: &mut Errors,
) {
    let region_info = catalog.region(region);
    let region_name = region_info.map_or(region, |r| r.name.as_str());
    let deployment = request.pool_type == PoolType::ServiceDeployment;
    let prepaid = request.billing_mode == BillingMode::YearlyMonthly;
    if deployment && prepaid && region != PREPAID_DEPLOYMENT_REGION {
        errors.check(
            Field::BillingMode,
            Err(prepaid_deployment_refusal(region_name)),
        );
    }
    errors.check(Field::Name, pool_name(request.name.trim()));
    errors.check(Field::Description, pool_description(&request.description));
    if deployment {
        if let Some(network) = &request.network {
            check_network(region_info, network, errors);
        }
        if let AzChoice::Az(az) = &request.az {
            if !region_info.is_some_and(|r| r.azs.contains(az)) {
                errors.check(Field::Az, Err(Violation::SelectAz));
            }
        }
    }
    let flavor = catalog.flavor(&request.flavor);
    match flavor {
        None => errors.check(
            Field::Specifications,
            Err(Violation::SelectPoolSpecifications),
        ),
        Some(f) if f.is_sold_out_in(region) => errors.check(
            Field::Specifications,
            Err(Violation::PoolFlavorSoldOut {
                flavor: f.display.clone(),
            }),
        ),
        Some(_) => {}
    }
}

/// VPC, Subnet and Security Group are all required, and must belong together.
fn check_network(
    region: Option<&crate::catalog::Region>,
    network: &NetworkInput,
    errors: &mut Errors,
) {
    let vpc = region.and_then(|r| r.vpc(&network.vpc_id));
    if vpc.is_none() {
        errors.check(Field::Vpc, Err(Violation::SelectVpc));
    }
    let subnet_ok = vpc.is_some_and(|v| v.subnets.iter().any(|s| s.id == network.subnet_id));
    if !subnet_ok {
        errors.check(Field::Subnet, Err(Violation::SelectSubnet));
    }
    let group_ok = vpc.is_some_and(|v| {
        v.security_groups
            .iter()
            .any(|g| g.id == network.security_group_id)
    });
    if !group_ok {
        errors.check(Field::SecurityGroup, Err(Violation::SelectSecurityGroup));
    }
}

/// The price of `nodes` of `flavor` in `mode` (for the duration, when prepaid).
pub fn price(
    catalog: &Catalog,
    flavor: &str,
    nodes: u32,
    mode: BillingMode,
    duration: Option<RequiredDuration>,
) -> Option<PoolPrice> {
    let flavor = catalog.flavor(flavor)?;
    let nodes = f64::from(nodes);
    match mode {
        BillingMode::PayPerUse => Some(PoolPrice::PerHour(flavor.price_per_hour * nodes)),
        BillingMode::YearlyMonthly => {
            let duration = duration?;
            let monthly = flavor.price_per_month * nodes;
            let billed = duration.billed_months();
            let months = duration.months();
            Some(PoolPrice::Prepaid {
                total: monthly * f64::from(billed),
                billed_months: billed,
                months,
                saving: monthly * f64::from(months - billed),
            })
        }
    }
}

/// Every error of a request, in form order (for callers that hold no console).
pub fn errors_in_form_order(mut errors: Vec<FieldError>) -> Vec<FieldError> {
    const ORDER: [Field; 10] = [
        Field::BillingMode,
        Field::Name,
        Field::Description,
        Field::Vpc,
        Field::Subnet,
        Field::SecurityGroup,
        Field::Az,
        Field::Nodes,
        Field::Specifications,
        Field::RequiredDuration,
    ];
    crate::sort::sort_by_key(&mut errors, |e| ORDER.iter().position(|f| *f == e.field));
    errors
}
