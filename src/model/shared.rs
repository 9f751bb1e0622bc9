//! A part of the dossier that checks made one after another can share (the preview keeps
//! what did not change): it reads, iterates and indexes as the value it holds, and is
//! copied only when changed through a mutable borrow.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// A value shared between dossiers; cloning it copies a pointer.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Self(Arc::new(value))
    }

    /// Shares the value of `shared`.
    pub fn from_arc(shared: Arc<T>) -> Self {
        Self(shared)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// Changing a shared value copies it first, unless nothing else holds it.
impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

#[allow(clippy::into_iter_without_iter)] // `iter()` is the value's, through `Deref`
impl<'a, T> IntoIterator for &'a Shared<T>
where
    &'a T: IntoIterator,
{
    type Item = <&'a T as IntoIterator>::Item;
    type IntoIter = <&'a T as IntoIterator>::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        self.0.as_ref().into_iter()
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_the_value_and_copies_only_when_changed() {
        let mut list = Shared::new(vec![1, 2, 3]);
        let kept = list.clone();
        assert_eq!(list[1], 2);
        assert_eq!((&list).into_iter().sum::<i32>(), 6);
        list[0] = 10;
        assert_eq!(*list, [10, 2, 3]);
        assert_eq!(*kept, [1, 2, 3]);
        assert_eq!(format!("{kept:?}"), "[1, 2, 3]");
    }
}
