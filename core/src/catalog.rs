//! What can be bought and deployed: regions with their AZs and node quota, flavors with prices,
//! models with their versions. Embedded by default; a `catalog.json` on the static host may
//! replace it ([`Catalog::from_json`], which validates it). The embedded one is `catalog.json`
//! in the stored form's binary encoding (`catalog.bin`, which a test holds equal to
//! `catalog.json` and valid), so starting the app needs no JSON reader.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The catalog compiled into the app; also served as `catalog.json` beside it.
pub const EMBEDDED_CATALOG_JSON: &str = include_str!("../catalog.json");
/// [`EMBEDDED_CATALOG_JSON`] encoded by [`crate::snapshot::binary`]: what the app reads.
/// After editing `catalog.json`, `UPDATE_CATALOG_BIN=1 cargo test -p console-core catalog`
/// writes it anew (the tests fail until then).
const EMBEDDED_CATALOG_BIN: &[u8] = include_bytes!("../catalog.bin");

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
    /// The model's input fields; CSV mapping asks a column index for each.
    #[serde(default)]
    pub input_fields: Vec<String>,
    pub versions: Vec<ModelVersion>,
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

impl ModelState {
    pub fn label(self) -> &'static str {
        match self {
            ModelState::Normal => "Normal",
            ModelState::Building => "Building",
            ModelState::Failed => "Failed",
        }
    }
}

/// Why a catalog text was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError(pub String);

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid catalog: {}", self.0)
    }
}

impl std::error::Error for CatalogError {}

impl Catalog {
    /// The embedded default. It is checked by a unit test, so this cannot fail in a build.
    pub fn embedded() -> Catalog {
        embedded::read(EMBEDDED_CATALOG_BIN).expect("embedded catalog is valid")
    }

    /// Parses and validates a catalog, e.g. a `catalog.json` fetched from the static host.
    pub fn from_json(text: &str) -> Result<Catalog, CatalogError> {
        let catalog: Catalog =
            serde_json::from_str(text).map_err(|e| CatalogError(e.to_string()))?;
        catalog.validate()?;
        Ok(catalog)
    }

    fn validate(&self) -> Result<(), CatalogError> {
        let fail = |m: String| Err(CatalogError(m));
        if self.regions.is_empty() {
            return fail("no regions".into());
        }
        let region_ids = unique(self.regions.iter().map(|r| r.id.as_str()), "region")?;
        if !region_ids.contains(self.default_region.as_str()) {
            return fail(format!(
                "default region {} is not listed",
                self.default_region
            ));
        }
        for region in &self.regions {
            if region.azs.is_empty() || region.node_quota == 0 {
                return fail(format!("region {} needs AZs and a node quota", region.id));
            }
            unique(region.vpcs.iter().map(|v| v.id.as_str()), "VPC")?;
            for vpc in &region.vpcs {
                unique(vpc.subnets.iter().map(|s| s.id.as_str()), "subnet")?;
                unique(
                    vpc.security_groups.iter().map(|g| g.id.as_str()),
                    "security group",
                )?;
            }
        }
        if self.flavors.is_empty() {
            return fail("no flavors".into());
        }
        unique(self.flavors.iter().map(|f| f.id.as_str()), "flavor")?;
        for flavor in &self.flavors {
            let prices_ok = [flavor.price_per_hour, flavor.price_per_month]
                .iter()
                .all(|p| p.is_finite() && *p >= 0.0);
            if !prices_ok {
                return fail(format!("flavor {} has an invalid price", flavor.id));
            }
            if let Some(r) = flavor
                .sold_out_in
                .iter()
                .find(|r| !region_ids.contains(r.as_str()))
            {
                return fail(format!(
                    "flavor {} is sold out in unknown region {r}",
                    flavor.id
                ));
            }
        }
        unique(self.models.iter().map(|m| m.model_id.as_str()), "model")?;
        for model in &self.models {
            if model.versions.is_empty() {
                return fail(format!("model {} has no versions", model.model_name));
            }
            unique(
                model.versions.iter().map(|v| v.model_version.as_str()),
                "model version",
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
    what: &str,
) -> Result<BTreeSet<&'a str>, CatalogError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.is_empty() {
            return Err(CatalogError(format!("a {what} has an empty id")));
        }
        if !seen.insert(id) {
            return Err(CatalogError(format!("duplicate {what} {id}")));
        }
    }
    Ok(seen)
}

/// [`EMBEDDED_CATALOG_BIN`] read by hand: the same encoding as serde's derives write, every
/// field always there and in order. serde's derived decoder was 17 KB of the first page's wasm
/// and some 5 ms of V8's compiling at start-up; this one is a few KB. A test holds the two
/// equal.
mod embedded {
    use super::*;
    use crate::snapshot::binary::{Error, Reader};

    type Read<T> = Result<T, Error>;

    pub(super) fn read(bytes: &[u8]) -> Read<Catalog> {
        let r = &mut Reader::new(bytes);
        let catalog = catalog(r)?;
        r.end()?;
        Ok(catalog)
    }

    fn catalog(r: &mut Reader) -> Read<Catalog> {
        r.struct_of(5)?;
        Ok(Catalog {
            catalog_version: r.field(0)?.u32()?,
            default_region: r.field(1)?.string()?,
            regions: r.field(2)?.seq(region)?,
            flavors: r.field(3)?.seq(flavor)?,
            models: r.field(4)?.seq(model)?,
        })
    }

    fn strings(r: &mut Reader) -> Read<Vec<String>> {
        r.seq(Reader::string)
    }

    fn region(r: &mut Reader) -> Read<Region> {
        r.struct_of(7)?;
        Ok(Region {
            id: r.field(0)?.string()?,
            name: r.field(1)?.string()?,
            azs: strings(r.field(2)?)?,
            node_quota: r.field(3)?.u32()?,
            edge_nodes: strings(r.field(4)?)?,
            edge_pools: strings(r.field(5)?)?,
            vpcs: r.field(6)?.seq(vpc)?,
        })
    }

    fn vpc(r: &mut Reader) -> Read<Vpc> {
        r.struct_of(5)?;
        Ok(Vpc {
            id: r.field(0)?.string()?,
            name: r.field(1)?.string()?,
            cidr: r.field(2)?.string()?,
            subnets: r.field(3)?.seq(subnet)?,
            security_groups: r.field(4)?.seq(security_group)?,
        })
    }

    fn subnet(r: &mut Reader) -> Read<Subnet> {
        r.struct_of(3)?;
        Ok(Subnet {
            id: r.field(0)?.string()?,
            name: r.field(1)?.string()?,
            cidr: r.field(2)?.string()?,
        })
    }

    fn security_group(r: &mut Reader) -> Read<SecurityGroup> {
        r.struct_of(2)?;
        Ok(SecurityGroup {
            id: r.field(0)?.string()?,
            name: r.field(1)?.string()?,
        })
    }

    fn flavor(r: &mut Reader) -> Read<Flavor> {
        r.struct_of(6)?;
        Ok(Flavor {
            id: r.field(0)?.string()?,
            display: r.field(1)?.string()?,
            kind: match r.field(2)?.unit_variant()? {
                0 => FlavorKind::Cpu,
                1 => FlavorKind::Gpu,
                _ => return Err(Error("an unknown flavor kind".into())),
            },
            price_per_hour: r.field(3)?.f64()?,
            price_per_month: r.field(4)?.f64()?,
            sold_out_in: strings(r.field(5)?)?,
        })
    }

    fn model(r: &mut Reader) -> Read<Model> {
        r.struct_of(5)?;
        Ok(Model {
            model_id: r.field(0)?.string()?,
            model_name: r.field(1)?.string()?,
            source: match r.field(2)?.unit_variant()? {
                0 => ModelSource::ContainerImage,
                1 => ModelSource::TrainingJob,
                2 => ModelSource::Obs,
                _ => return Err(Error("an unknown model source".into())),
            },
            input_fields: strings(r.field(3)?)?,
            versions: r.field(4)?.seq(version)?,
        })
    }

    fn version(r: &mut Reader) -> Read<ModelVersion> {
        r.struct_of(2)?;
        Ok(ModelVersion {
            model_version: r.field(0)?.string()?,
            state: match r.field(1)?.unit_variant()? {
                0 => ModelState::Normal,
                1 => ModelState::Building,
                2 => ModelState::Failed,
                _ => return Err(Error("an unknown model state".into())),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_catalog_is_catalog_json() {
        let from_json = Catalog::from_json(EMBEDDED_CATALOG_JSON).expect("catalog.json is valid");
        let bytes = crate::snapshot::binary::to_vec(&from_json).unwrap();
        if bytes != EMBEDDED_CATALOG_BIN {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/catalog.bin");
            assert!(
                std::env::var_os("UPDATE_CATALOG_BIN").is_some(),
                "core/catalog.bin is not core/catalog.json: run `UPDATE_CATALOG_BIN=1 cargo test -p console-core catalog`"
            );
            std::fs::write(path, &bytes).unwrap();
            return;
        }
        assert_eq!(Catalog::embedded(), from_json);
    }

    #[test]
    fn the_hand_reader_reads_what_serde_reads_and_refuses_any_cut_of_it() {
        let by_serde: Catalog = crate::snapshot::binary::from_slice(EMBEDDED_CATALOG_BIN).unwrap();
        assert_eq!(embedded::read(EMBEDDED_CATALOG_BIN).unwrap(), by_serde);
        for cut in 0..EMBEDDED_CATALOG_BIN.len() {
            assert!(
                embedded::read(&EMBEDDED_CATALOG_BIN[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        let mut longer = EMBEDDED_CATALOG_BIN.to_vec();
        longer.push(0);
        assert!(embedded::read(&longer).is_err(), "trailing bytes");
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
