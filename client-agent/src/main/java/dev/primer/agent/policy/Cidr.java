package dev.primer.agent.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as 10.20.0.0/16 or fd00::/8. */
public record Cidr(byte[] network, int prefix, String text) {
  /** Parses "ADDRESS/PREFIX"; the message names the bad value. */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("office CIDR must be ADDRESS/PREFIX, was '" + text + "'");
    }
    String address = text.substring(0, slash);
    if (!address.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException(
          "office CIDR must be a numeric address, was '" + text + "'");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("office CIDR has a bad address: '" + text + "'");
    }
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("office CIDR prefix must be a number, was '" + text + "'");
    }
    if (prefix < 0 || prefix > bytes.length * 8) {
      throw new IllegalArgumentException(
          "office CIDR prefix must be 0.." + bytes.length * 8 + ", was '" + text + "'");
    }
    return new Cidr(bytes, prefix, text);
  }

  /** Whether {@code address} lies inside this range. */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (network[full] & mask);
  }
}
