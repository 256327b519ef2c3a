//! JSON as the browser reads it. Server functions' responses are read with
//! `serde_json::from_slice` (server_fn's `JsonEncoding`). Everything else the browser reads
//! (resources' hydration data, local storage, the preferences) goes through the same reader
//! here: `from_str` is a second reader, and the wasm then carries a second copy of every
//! type's deserializer.

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::{Serialize, de::DeserializeOwned};

/// Parses `text` as JSON with the one reader the browser uses.
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_slice(text.as_bytes())
}

/// Leptos's `JsonSerdeCodec`, reading with [`read`].
pub struct JsonCodec;

impl<T: Serialize> Encoder<T> for JsonCodec {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for JsonCodec {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, serde_json::Error> {
        read(text)
    }
}

/// A resource whose value travels from the server to the browser in the page.
pub type ApiResource<T> = Resource<T, JsonCodec>;

/// `Resource::new`, with [`JsonCodec`].
#[track_caller]
pub fn resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> ApiResource<T>
where
    S: Send + Sync + Clone + PartialEq + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes_and_rejects_what_is_not_json() {
        let text = <JsonCodec as Encoder<Vec<String>>>::encode(&vec!["a\"ü".into()]).unwrap();
        let back: Vec<String> = <JsonCodec as Decoder<Vec<String>>>::decode(&text).unwrap();
        assert_eq!(back, vec!["a\"ü".to_string()]);
        assert!(read::<Vec<String>>("[1").is_err());
    }
}
