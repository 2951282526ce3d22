package vn.herald.upstream;

import okhttp3.Dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keeps the feed reader off the server's own network: a feed URL (or a redirect) whose host resolves to a loopback,
 * private, link-local, carrier-grade NAT, unspecified or multicast address is refused, unless the feed's entry in
 * the channel file says {@code allowPrivateAddresses: true}. The check is made on the addresses OkHttp is about to
 * connect to (a {@link Dns} wrapper), so a name that resolves to a public address when the file is checked and to
 * 127.0.0.1 when the feed is read (DNS rebinding) is refused too.
 */
final class PublicAddresses implements Dns {

    /** The refusal: the host and the address it led to, for the operator's message. */
    static final class Refused extends UnknownHostException {
        final String host;
        final String address;

        Refused(String host, String address) {
            super(host + " -> " + address);
            this.host = host;
            this.address = address;
        }
    }

    private final Predicate<InetAddress> isPublic;

    /** {@code isPublic} is {@link #isPublic(InetAddress)}, except in tests that need a "public" server on loopback. */
    PublicAddresses(Predicate<InetAddress> isPublic) {
        this.isPublic = isPublic;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
        // one internal address among public ones is refused as well: OkHttp would try them all in turn
        for (InetAddress address : addresses) {
            check(hostname, address);
        }
        return addresses;
    }

    /** A host written as an address (OkHttp connects to those without asking the Dns). */
    void checkLiteral(String host) throws Refused {
        Optional<InetAddress> literal = literal(host);
        if (literal.isPresent()) {
            check(host, literal.get());
        }
    }

    private void check(String host, InetAddress address) throws Refused {
        if (!isPublic.test(address)) {
            throw new Refused(host, address.getHostAddress());
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean thisNetwork = first == 0;
            boolean carrierGradeNat = first == 100 && (second & 0xc0) == 64;
            boolean reservedOrBroadcast = first >= 240;
            return !(thisNetwork || carrierGradeNat || reservedOrBroadcast);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            // an IPv4 address carried in IPv6 (::a.b.c.d, ::ffff:a.b.c.d, 64:ff9b::a.b.c.d) is judged as that address
            Optional<InetAddress> carried = carriedIpv4(bytes);
            return !uniqueLocal && carried.map(PublicAddresses::isPublic).orElse(true);
        }
        return false;
    }

    private static Optional<InetAddress> carriedIpv4(byte[] bytes) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= bytes[i] == 0;
        }
        boolean mapped = zeros && ((bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff));
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = bytes[i] == 0;
        }
        if (!mapped && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static Optional<InetAddress> literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = bare.matches("[0-9.]+");
        boolean ipv6 = bare.contains(":");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // a literal is parsed, never looked up
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
