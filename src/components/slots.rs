/// Numbered entries of a list's rows. A row may join before the row it replaces has left (a
/// keyed list re-creating a row), so entries leave by number, never by the resource's id.
pub struct Slots<T> {
    next: u64,
    all: Vec<(u64, T)>,
}

impl<T> Default for Slots<T> {
    fn default() -> Self {
        Slots {
            next: 0,
            all: Vec::new(),
        }
    }
}

impl<T> Slots<T> {
    /// Adds an entry and returns its number.
    pub fn join(&mut self, entry: T) -> u64 {
        self.next += 1;
        self.all.push((self.next, entry));
        self.next
    }

    pub fn leave(&mut self, number: u64) {
        self.all.retain(|(n, _)| *n != number);
    }

    pub fn get(&self, number: u64) -> Option<&T> {
        self.all.iter().find(|(n, _)| *n == number).map(|(_, e)| e)
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.all.iter_mut().map(|(_, e)| e)
    }
}
