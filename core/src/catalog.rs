//! What can be bought and deployed: regions with their AZs and node quota, flavors with prices,
//! models with their versions. Embedded by default; a `catalog.json` on the static host may
//! replace it ([`Catalog::from_json`], which validates it).

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The catalog compiled into the app; also served as `catalog.json` beside it.
pub const EMBEDDED_CATALOG_JSON: &str = include_str!("../catalog.json");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub catalog_version: u32,
    pub default_region: String,
    pub regions: Vec<Region>,
    pub flavors: Vec<Flavor>,
    pub models: Vec<Model>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// API id, e.g. `cn-north-4`.
    pub id: String,
    /// Console label, e.g. `CN North-Beijing4`.
    pub name: String,
    pub azs: Vec<String>,
    /// Account node quota for dedicated pools in this region.
    pub node_quota: u32,
    /// Edge nodes registered in this region (a deployment location).
    #[serde(default)]
    pub edge_nodes: Vec<String>,
    /// Edge resource pools of this region (a deployment location).
    #[serde(default)]
    pub edge_pools: Vec<String>,
    /// The region's VPCs, for a pool's Custom Network Configuration.
    #[serde(default)]
    pub vpcs: Vec<Vpc>,
}

/// A VPC with the subnets and security groups a pool's custom network may use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vpc {
    pub id: String,
    pub name: String,
    pub cidr: String,
    pub subnets: Vec<Subnet>,
    pub security_groups: Vec<SecurityGroup>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Subnet {
    pub id: String,
    pub name: String,
    pub cidr: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SecurityGroup {
    pub id: String,
    pub name: String,
}

impl Region {
    pub fn vpc(&self, id: &str) -> Option<&Vpc> {
        self.vpcs.iter().find(|v| v.id == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlavorKind {
    Cpu,
    Gpu,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flavor {
    /// API id, e.g. `modelarts.vm.cpu.8u`.
    pub id: String,
    /// Console text, e.g. `CPU: 8 vCPUs | 32 GiB`.
    pub display: String,
    pub kind: FlavorKind,
    /// Pay-per-use price per node-hour, USD.
    pub price_per_hour: f64,
    /// Yearly/Monthly price per node-month, USD.
    pub price_per_month: f64,
    /// Region ids where this flavor cannot be bought now.
    #[serde(default)]
    pub sold_out_in: Vec<String>,
}

impl Flavor {
    pub fn is_sold_out_in(&self, region: &str) -> bool {
        self.sold_out_in.iter().any(|r| r == region)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModelSource {
    #[serde(rename = "container image")]
    ContainerImage,
    #[serde(rename = "training job")]
    TrainingJob,
    #[serde(rename = "OBS")]
    Obs,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub model_id: String,
    pub model_name: String,
    pub source: ModelSource,
    /// The model's input fields; CSV mapping asks a column index for each, a real-time call
    /// sends them as its JSON body.
    #[serde(default)]
    pub input_fields: Vec<String>,
    /// What a call answers (Usage Guides lists them; Prediction's answer has them).
    #[serde(default)]
    pub outputs: Vec<Param>,
    pub versions: Vec<ModelVersion>,
}

/// An output parameter of a model: its name and JSON type (`string`, `number`, `array`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Param {
    pub name: String,
    #[serde(rename = "type")]
    pub param_type: String,
}

impl ModelSource {}

impl Model {
    /// Versions that can be deployed.
    pub fn normal_versions(&self) -> impl Iterator<Item = &ModelVersion> {
        self.versions
            .iter()
            .filter(|v| v.state == ModelState::Normal)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelVersion {
    pub model_version: String,
    pub state: ModelState,
}

/// Only `Normal` versions can be deployed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ModelState {
    Normal,
    Building,
    Failed,
}

impl ModelState {}

/// Why a catalog text was rejected ([`crate::text::Transfer::catalog_error`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// Not a catalog's JSON: serde_json's words.
    Json(String),
    NoRegions,
    NoFlavors,
    /// A region, VPC … with an empty id.
    EmptyId(CatalogItem),
    /// An id listed twice.
    Duplicate(CatalogItem, String),
    /// `default_region` is not among the regions.
    DefaultRegion(String),
    /// A region (its id) without AZs or node quota.
    RegionIncomplete(String),
    /// A flavor (its id) with a negative or non-finite price.
    Price(String),
    /// A flavor sold out in a region the catalog does not list.
    SoldOutIn {
        flavor: String,
        region: String,
    },
    /// A model (its name) without versions.
    NoVersions(String),
    /// Its reader (a module the app loads on demand) could not be loaded.
    ReaderNotLoaded,
}

/// What a catalog lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatalogItem {
    Region,
    Vpc,
    Subnet,
    SecurityGroup,
    Flavor,
    Model,
    ModelVersion,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::text::Transfer;
        f.write_str(&crate::text::English.catalog_error(self))
    }
}

impl std::error::Error for CatalogError {}

impl Catalog {
    /// The embedded default. It is checked by a unit test, so this cannot fail in a build.
    pub fn embedded() -> Catalog {
        Catalog::from_json(EMBEDDED_CATALOG_JSON).expect("embedded catalog is valid")
    }

    /// Parses and validates a catalog, e.g. a `catalog.json` fetched from the static host.
    pub fn from_json(text: &str) -> Result<Catalog, CatalogError> {
        let catalog: Catalog =
            serde_json::from_str(text).map_err(|e| CatalogError::Json(e.to_string()))?;
        catalog.validate()?;
        Ok(catalog)
    }

    fn validate(&self) -> Result<(), CatalogError> {
        use CatalogError as E;
        if self.regions.is_empty() {
            return Err(E::NoRegions);
        }
        let region_ids = unique(
            self.regions.iter().map(|r| r.id.as_str()),
            CatalogItem::Region,
        )?;
        if !region_ids.contains(self.default_region.as_str()) {
            return Err(E::DefaultRegion(self.default_region.clone()));
        }
        for region in &self.regions {
            if region.azs.is_empty() || region.node_quota == 0 {
                return Err(E::RegionIncomplete(region.id.clone()));
            }
            unique(region.vpcs.iter().map(|v| v.id.as_str()), CatalogItem::Vpc)?;
            for vpc in &region.vpcs {
                unique(
                    vpc.subnets.iter().map(|s| s.id.as_str()),
                    CatalogItem::Subnet,
                )?;
                unique(
                    vpc.security_groups.iter().map(|g| g.id.as_str()),
                    CatalogItem::SecurityGroup,
                )?;
            }
        }
        if self.flavors.is_empty() {
            return Err(E::NoFlavors);
        }
        unique(
            self.flavors.iter().map(|f| f.id.as_str()),
            CatalogItem::Flavor,
        )?;
        for flavor in &self.flavors {
            let prices_ok = [flavor.price_per_hour, flavor.price_per_month]
                .iter()
                .all(|p| p.is_finite() && *p >= 0.0);
            if !prices_ok {
                return Err(E::Price(flavor.id.clone()));
            }
            if let Some(r) = flavor
                .sold_out_in
                .iter()
                .find(|r| !region_ids.contains(r.as_str()))
            {
                return Err(E::SoldOutIn {
                    flavor: flavor.id.clone(),
                    region: r.clone(),
                });
            }
        }
        unique(
            self.models.iter().map(|m| m.model_id.as_str()),
            CatalogItem::Model,
        )?;
        for model in &self.models {
            if model.versions.is_empty() {
                return Err(E::NoVersions(model.model_name.clone()));
            }
            unique(
                model.versions.iter().map(|v| v.model_version.as_str()),
                CatalogItem::ModelVersion,
            )?;
        }
        Ok(())
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn flavor(&self, id: &str) -> Option<&Flavor> {
        self.flavors.iter().find(|f| f.id == id)
    }

    pub fn model(&self, model_id: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.model_id == model_id)
    }

    /// Console text of a flavor, or its raw id when the catalog no longer lists it.
    pub fn flavor_display<'a>(&'a self, id: &'a str) -> &'a str {
        self.flavor(id).map_or(id, |f| f.display.as_str())
    }
}

fn unique<'a>(
    ids: impl Iterator<Item = &'a str>,
    what: CatalogItem,
) -> Result<BTreeSet<&'a str>, CatalogError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.is_empty() {
            return Err(CatalogError::EmptyId(what));
        }
        if !seen.insert(id) {
            return Err(CatalogError::Duplicate(what, id.to_string()));
        }
    }
    Ok(seen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_catalog_is_valid() {
        assert_eq!(
            Catalog::embedded(),
            Catalog::from_json(EMBEDDED_CATALOG_JSON).unwrap()
        );
    }

    #[test]
    fn embedded_catalog_has_the_rules_regions_and_flavors() {
        let c = Catalog::embedded();
        let ids: Vec<_> = c.regions.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "cn-north-4",
                "cn-north-1",
                "cn-east-3",
                "cn-south-1",
                "ap-southeast-1"
            ]
        );
        assert_eq!(c.default_region, "cn-north-4");
        assert_eq!(c.region("cn-east-3").unwrap().name, "CN East-Shanghai1");
        assert!(c
            .regions
            .iter()
            .all(|r| r.azs == ["AZ 1", "AZ 2", "AZ 3"] && r.node_quota == 20));
        for id in [
            "modelarts.vm.cpu.2u",
            "modelarts.vm.cpu.8u",
            "modelarts.vm.gpu.p4u8",
            "modelarts.vm.gpu.t4u8",
            "modelarts.vm.gpu.pnt004",
        ] {
            assert!(c.flavor(id).is_some(), "{id}");
        }
        assert_eq!(
            c.flavor("modelarts.vm.cpu.8u").unwrap().price_per_hour,
            0.66
        );
        assert_eq!(
            c.flavor_display("modelarts.vm.cpu.8u"),
            "CPU: 8 vCPUs | 32 GiB"
        );
        assert_eq!(c.flavor_display("gone.flavor"), "gone.flavor");
        assert!(c
            .flavor("modelarts.vm.gpu.pnt004")
            .unwrap()
            .is_sold_out_in("cn-north-1"));
    }

    #[test]
    fn override_catalog_is_validated() {
        assert!(Catalog::from_json("{").is_err());
        assert!(Catalog::from_json("[]").is_err());
        let mut c = Catalog::embedded();
        c.default_region = "mars-1".into();
        let err = Catalog::from_json(&serde_json::to_string(&c).unwrap()).unwrap_err();
        assert!(err.to_string().contains("mars-1"));

        let mut c = Catalog::embedded();
        c.flavors.push(c.flavors[0].clone());
        assert!(Catalog::from_json(&serde_json::to_string(&c).unwrap()).is_err());

        let mut c = Catalog::embedded();
        c.flavors[0].price_per_hour = -1.0;
        assert!(Catalog::from_json(&serde_json::to_string(&c).unwrap()).is_err());

        let mut c = Catalog::embedded();
        c.flavors[0].sold_out_in = vec!["nowhere".into()];
        assert!(Catalog::from_json(&serde_json::to_string(&c).unwrap()).is_err());

        let mut c = Catalog::embedded();
        c.models[0].versions.clear();
        assert!(Catalog::from_json(&serde_json::to_string(&c).unwrap()).is_err());

        let c = Catalog::embedded();
        assert_eq!(
            Catalog::from_json(&serde_json::to_string(&c).unwrap()).unwrap(),
            c
        );
    }
}
