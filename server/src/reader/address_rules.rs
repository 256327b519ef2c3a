//! Where a reader's own feed may be fetched from. A reader's address makes the server send a
//! request, so it must never reach the server's own network: only http and https, only the
//! usual ports, and only hosts whose every address used is public. The check runs twice: on
//! each URL before its request (scheme, port, an address written as the host; the URL parser
//! has already turned decimal, octal and hex spellings such as `http://2130706433/` or
//! `http://0x7f.1/` into 127.0.0.1), and in the resolver (`GuardedResolver`), on the
//! addresses the connection will actually use, so a name that resolves to a public address
//! once and to 127.0.0.1 the next time is still refused. Catalog feeds, which the operator
//! chose, do not go through it.
//!
//! The ranges are classified here rather than by an ACL crate because a refusal names its
//! rule ("address 10.0.0.1 is private"), and the IPv6 spellings of IPv4 (mapped, NAT64, 6to4,
//! Teredo) are refused as such, whatever they embed.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use url::{Host, Url};

/// Why an address was refused, in words a reader can be shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

/// The operator's rules for own feeds.
#[derive(Clone, Debug, Default)]
pub struct AddressRules {
    /// Private addresses too (`PANORAMA_ALLOW_PRIVATE_FEEDS=true`, which also sets
    /// `any_port`: an intranet's feeds, and the tests' fixtures on 127.0.0.1).
    pub allow_private: bool,
    /// Any port, not only 80, 443 and `extra_ports`.
    pub any_port: bool,
    /// Ports allowed besides 80 and 443 (`PANORAMA_OWN_FEED_PORTS`).
    pub extra_ports: Vec<u16>,
}

impl AddressRules {
    /// Checks a URL before any request to it (each redirect's too).
    pub fn check_url(&self, url: &Url) -> Result<(), Refused> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Refused(format!(
                "only http and https addresses are read, not {}:",
                url.scheme()
            )));
        }
        // The host first: its rule says more than the port's.
        match url.host() {
            Some(Host::Ipv4(ip)) => self.check_ip(IpAddr::V4(ip))?,
            Some(Host::Ipv6(ip)) => self.check_ip(IpAddr::V6(ip))?,
            Some(Host::Domain(name)) => {
                let name = name.trim_end_matches('.');
                if !self.allow_private && (name == "localhost" || name.ends_with(".localhost")) {
                    return Err(Refused(format!("{name} is this machine (loopback)")));
                }
            }
            None => return Err(Refused("the address has no host".into())),
        }
        let port = url.port_or_known_default().unwrap_or(0);
        if !(self.any_port || port == 80 || port == 443 || self.extra_ports.contains(&port)) {
            return Err(Refused(format!(
                "port {port} is not one feeds are read from (80 and 443)"
            )));
        }
        Ok(())
    }

    /// Checks an address a connection would use.
    pub fn check_ip(&self, ip: IpAddr) -> Result<(), Refused> {
        match forbidden_range(ip) {
            Some(range) if !self.allow_private => Err(Refused(format!("address {ip} is {range}"))),
            _ => Ok(()),
        }
    }
}

/// The special-purpose range `ip` is in, named; `None` for a public address.
pub fn forbidden_range(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(ip) => v4_range(ip),
        IpAddr::V6(ip) => v6_range(ip),
    }
}

fn v4_range(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match () {
        _ if a == 0 => "unspecified (0.0.0.0/8)",
        _ if ip.is_loopback() => "loopback",
        _ if ip.is_private() => "private",
        _ if a == 100 && (b & 0xc0) == 64 => "shared (carrier-grade NAT, 100.64.0.0/10)",
        _ if ip.is_link_local() => "link-local (169.254.0.0/16, where cloud metadata lives)",
        _ if ip.is_multicast() => "multicast",
        _ if ip.is_broadcast() => "broadcast",
        _ if ip.is_documentation() => "reserved for documentation",
        _ if a == 192 && b == 0 && c == 0 => "reserved for protocol assignments (192.0.0.0/24)",
        _ if a == 198 && (b & 0xfe) == 18 => "reserved for benchmarks (198.18.0.0/15)",
        _ if a >= 240 => "reserved (240.0.0.0/4)",
        _ => return None,
    })
}

fn v6_range(ip: Ipv6Addr) -> Option<&'static str> {
    let s = ip.segments();
    Some(match () {
        _ if ip.is_unspecified() => "unspecified",
        _ if ip.is_loopback() => "loopback",
        _ if ip.to_ipv4_mapped().is_some() => "an IPv4 address written in IPv6 (::ffff:a.b.c.d)",
        _ if s[..6] == [0; 6] => "an IPv4 address written in IPv6 (::a.b.c.d)",
        _ if s[0] == 0x64 && s[1] == 0xff9b => "NAT64 (an IPv4 address in 64:ff9b::/96)",
        _ if s[0] == 0x2002 => "6to4 (an IPv4 address in 2002::/16)",
        _ if s[0] == 0x2001 && s[1] == 0 => "Teredo (an IPv4 address in 2001::/32)",
        _ if ip.is_multicast() => "multicast",
        _ if (s[0] & 0xfe00) == 0xfc00 => "unique local (fc00::/7)",
        _ if (s[0] & 0xffc0) == 0xfe80 => "link-local (fe80::/10)",
        _ if (s[0] & 0xffc0) == 0xfec0 => "site-local (fec0::/10)",
        _ if s[0] == 0x2001 && s[1] == 0xdb8 => "reserved for documentation",
        _ if s[0] == 0x100 && s[1..4] == [0; 3] => "discard-only (100::/64)",
        _ => return None,
    })
}

/// reqwest's resolver for own feeds: the system's lookup, keeping only the addresses the rules
/// allow; none left refuses the host with the rule of the first refused address.
pub struct GuardedResolver(pub AddressRules);

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let rules = self.0.clone();
        Box::pin(async move {
            let host = name.as_str().to_string();
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let mut refused = None;
            let allowed: Vec<SocketAddr> = found
                .into_iter()
                .filter(|addr| match rules.check_ip(addr.ip()) {
                    Ok(()) => true,
                    Err(why) => {
                        refused.get_or_insert(why);
                        false
                    }
                })
                .collect();
            if allowed.is_empty() {
                let why = refused.unwrap_or_else(|| Refused(format!("{host} has no address")));
                return Err(Box::new(Refused(format!("{host}: {why}"))) as _);
            }
            Ok(Box::new(allowed.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    //! Classification only: nothing here sends a packet anywhere.
    use super::*;

    fn refused(url: &str) -> String {
        AddressRules::default()
            .check_url(&Url::parse(url).unwrap())
            .unwrap_err()
            .0
    }

    #[test]
    fn every_special_range_is_named() {
        for (ip, range) in [
            ("0.0.0.0", "unspecified"),
            ("0.1.2.3", "unspecified"),
            ("127.0.0.1", "loopback"),
            ("127.255.255.254", "loopback"),
            ("10.0.0.1", "private"),
            ("172.16.0.1", "private"),
            ("172.31.255.255", "private"),
            ("192.168.1.1", "private"),
            ("100.64.0.1", "shared"),
            ("100.127.255.255", "shared"),
            ("169.254.169.254", "link-local"),
            ("224.0.0.1", "multicast"),
            ("239.255.255.250", "multicast"),
            ("255.255.255.255", "broadcast"),
            ("192.0.2.1", "documentation"),
            ("198.51.100.7", "documentation"),
            ("203.0.113.9", "documentation"),
            ("192.0.0.8", "protocol assignments"),
            ("198.18.0.1", "benchmarks"),
            ("240.0.0.1", "reserved"),
            ("::", "unspecified"),
            ("::1", "loopback"),
            ("::ffff:127.0.0.1", "IPv4 address written in IPv6"),
            ("::ffff:8.8.8.8", "IPv4 address written in IPv6"),
            ("::127.0.0.1", "IPv4 address written in IPv6"),
            ("64:ff9b::7f00:1", "NAT64"),
            ("64:ff9b:1::a00:1", "NAT64"),
            ("2002:7f00:1::", "6to4"),
            ("2001:0:4136:e378::1", "Teredo"),
            ("ff02::1", "multicast"),
            ("fc00::1", "unique local"),
            ("fd12:3456::1", "unique local"),
            ("fe80::1", "link-local"),
            ("febf::1", "link-local"),
            ("fec0::1", "site-local"),
            ("2001:db8::1", "documentation"),
            ("100::1", "discard-only"),
        ] {
            let ip: IpAddr = ip.parse().unwrap();
            let named = forbidden_range(ip).unwrap_or_else(|| panic!("{ip} passed"));
            assert!(named.contains(range), "{ip}: {named}");
        }
    }

    #[test]
    fn public_addresses_pass() {
        for ip in [
            "8.8.8.8",
            "1.1.1.1",
            "93.184.216.34",
            "100.63.255.255",
            "100.128.0.1",
            "172.15.255.255",
            "172.32.0.1",
            "192.169.0.1",
            "198.20.0.1",
            "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e",
            "2001:4860:4860::8888",
        ] {
            let ip: IpAddr = ip.parse().unwrap();
            assert_eq!(forbidden_range(ip), None, "{ip}");
        }
    }

    #[test]
    fn every_spelling_of_loopback_in_an_address_is_refused() {
        // The URL parser reads these IPv4 spellings as 127.0.0.1 (WHATWG's rules, as browsers).
        for url in [
            "http://127.0.0.1/feed",
            "http://127.1/feed",
            "http://2130706433/feed",
            "http://0x7f000001/feed",
            "http://0x7f.0.0.1/feed",
            "http://0177.0.0.1/feed",
            "http://017700000001/feed",
            "http://[::1]/feed",
            "http://[::ffff:127.0.0.1]/feed",
            "http://[::ffff:7f00:1]/feed",
            "http://[0:0:0:0:0:0:0:1]/feed",
            "http://[64:ff9b::127.0.0.1]/feed",
            "http://[2002:7f00:0001::]/feed",
            "http://localhost/feed",
            "http://feeds.localhost./feed",
        ] {
            let why = refused(url);
            assert!(
                why.contains("loopback")
                    || why.contains("IPv4")
                    || why.contains("6to4")
                    || why.contains("NAT64"),
                "{url}: {why}"
            );
        }
        assert_eq!(refused("http://10.0.0.1/"), "address 10.0.0.1 is private");
        assert!(refused("http://169.254.169.254/latest/meta-data/").contains("cloud metadata"));
    }

    #[test]
    fn only_http_and_https_on_the_usual_ports() {
        assert!(refused("ftp://example.com/feed").contains("not ftp:"));
        assert!(refused("file:///etc/passwd").contains("not file:"));
        assert!(refused("gopher://example.com/").contains("not gopher:"));
        assert!(refused("http://example.com:6379/").contains("port 6379"));
        assert!(refused("https://example.com:22/").contains("port 22"));
        let rules = AddressRules::default();
        for ok in [
            "http://example.com/feed",
            "https://example.com/feed",
            "http://example.com:80/feed",
            "https://93.184.216.34:443/feed",
        ] {
            assert_eq!(rules.check_url(&Url::parse(ok).unwrap()), Ok(()), "{ok}");
        }
        let more = AddressRules {
            extra_ports: vec![8080],
            ..AddressRules::default()
        };
        assert_eq!(
            more.check_url(&Url::parse("http://example.com:8080/").unwrap()),
            Ok(())
        );
    }

    #[test]
    fn the_operator_may_allow_private_addresses_and_any_port() {
        let open = AddressRules {
            allow_private: true,
            any_port: true,
            ..AddressRules::default()
        };
        for url in [
            "http://127.0.0.1:8080/feed",
            "http://[::1]:9/",
            "http://localhost:3000/",
        ] {
            assert_eq!(open.check_url(&Url::parse(url).unwrap()), Ok(()), "{url}");
        }
        // The scheme rule stays.
        assert!(
            open.check_url(&Url::parse("file:///etc/passwd").unwrap())
                .is_err()
        );
    }
}
