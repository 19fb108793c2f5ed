package dev.pvw.serve;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Where the page listens: an address of this machine (loopback unless told otherwise) and a port, 0 for any free. */
public record ServeSettings(String bind, int port) {
    public static final String DEFAULT_BIND = "127.0.0.1";

    public ServeSettings {
        requireNonNull(bind, "bind");
        if (port < 0 || port > 65_535) {
            throw new PvwException(ErrorCode.USAGE, "--port must be from 0 to 65535, not " + port + ".");
        }
    }

    /** The socket address, resolved now so that a bad --bind is refused before anything else starts. */
    InetSocketAddress address() {
        try {
            return new InetSocketAddress(InetAddress.getByName(bind.strip()), port);
        } catch (UnknownHostException e) {
            throw new PvwException(
                    ErrorCode.USAGE,
                    "--bind '" + bind + "' is not an address of this machine; use an IP address such as " + DEFAULT_BIND
                            + ".");
        }
    }
}
