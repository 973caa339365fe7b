//! The parking lot's file, `parking.json` at the root of the group folder.

use super::{Result, Store};
use crate::model::parking::ParkingLot;

/// Its name, the one `sync::paths` lets the facilitator's machine commit.
pub const PARKING_FILE: &str = "parking.json";

impl Store {
    /// The parking lot; empty when the file does not exist yet.
    pub fn load_parking(&self) -> Result<ParkingLot> {
        self.read_or(&self.root().join(PARKING_FILE), ParkingLot::default)
    }

    pub fn save_parking(&self, lot: &ParkingLot) -> Result<()> {
        self.write(&self.root().join(PARKING_FILE), lot)
    }
}
