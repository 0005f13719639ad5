package io.kumo.rds.runtime.engine;

import io.kumo.fabric.netns.NamespaceSockets;
import io.kumo.fabric.netns.NetworkNamespace;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.util.ConfigurableSocketFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A JDBC socket factory whose sockets are made inside a named network namespace, so Kumo's JVM
 * (which stays in the host's) can reach a server that listens only there. Both drivers use it:
 * MariaDB's names the namespace with the URL option {@value #OPTION}; PostgreSQL's passes it as
 * {@code socketFactoryArg}.
 */
public final class NamespaceSocketFactory extends ConfigurableSocketFactory {
    public static final String OPTION = "kumoNamespace";
    private static final NamespaceSockets SOCKETS = new NamespaceSockets();

    private String namespace;

    public NamespaceSocketFactory() {
    }

    /** PostgreSQL's driver calls this with socketFactoryArg. */
    public NamespaceSocketFactory(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public void setConfiguration(Configuration conf, String host) {
        this.namespace = conf.nonMappedOptions().getProperty(OPTION);
    }

    /** Lets go of the thread that made sockets in a namespace being deleted. */
    public static void forget(String namespace) {
        SOCKETS.forget(new NetworkNamespace(namespace));
    }

    @Override
    public Socket createSocket() throws IOException {
        if (namespace == null) {
            throw new IOException("no network namespace given (URL option " + OPTION + ")");
        }
        try {
            return SOCKETS.socket(new NetworkNamespace(namespace), null).socket();
        } catch (RuntimeException e) {
            throw new IOException("cannot open a socket in network namespace " + namespace + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }
}
