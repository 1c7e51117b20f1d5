package org.apache.tomcat.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.websocket.RemoteEndpoint;

/**
 * Writes a text frame whose UTF-8 bytes are already encoded, through Tomcat's own
 * blocking send, batching and timeout included. {@code jakarta.websocket} only takes a
 * {@code String} for a text frame and Tomcat then encodes it once per socket; a push
 * shared by a group is encoded once and its bytes written to every socket of the group.
 * <p>
 * Tidings' code, in Tomcat's package because the method it calls is package-private: it
 * works only where this class and Tomcat share a class loader (an executable jar, an
 * application with embedded Tomcat). {@link #supports} says whether it does, so a
 * deployment where it does not (a war in a standalone Tomcat) writes strings as before.
 */
public final class PreEncodedText {

	private PreEncodedText() {
	}

	/** Whether {@link #send} can write to this endpoint. */
	public static boolean supports(RemoteEndpoint.Basic remote) {
		try {
			return remote instanceof WsRemoteEndpointBase tomcat && tomcat.base != null;
		}
		catch (LinkageError ex) {
			// Tomcat loaded by another class loader: its package-private members are out
			// of reach
			return false;
		}
	}

	/**
	 * Writes the bytes as one whole text frame; the buffer itself is left as it was, so
	 * the same one can go to every socket.
	 * @param remote an endpoint {@link #supports} accepted
	 * @param utf8 well-formed UTF-8
	 */
	public static void send(RemoteEndpoint.Basic remote, ByteBuffer utf8) throws IOException {
		((WsRemoteEndpointBase) remote).base.sendMessageBlock(Constants.OPCODE_TEXT, utf8.duplicate(), true);
	}

}
