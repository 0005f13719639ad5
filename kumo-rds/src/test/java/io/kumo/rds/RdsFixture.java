package io.kumo.rds;

import io.kumo.core.AwsException;
import io.kumo.core.Principal;
import io.kumo.core.RequestContext;
import io.kumo.core.network.VpcDirectory;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;
import io.kumo.core.store.Tx;
import io.kumo.rds.event.EventRecord;
import io.kumo.rds.instance.DbInstanceRecord;
import io.kumo.rds.optiongroup.OptionGroupRecord;
import io.kumo.rds.parameter.DbParameterGroupRecord;
import io.kumo.rds.snapshot.DbSnapshotRecord;
import io.kumo.rds.subnetgroup.DbSubnetGroupRecord;
import io.kumo.rds.tag.TagsRecord;
import io.kumo.store.EmbeddedStore;
import org.assertj.core.api.ThrowableAssert;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An in-memory store with RDS's tables, a VPC directory holding one VPC (two subnets in two
 * zones, a db-sg and its default group) and another VPC, and a clock the test moves.
 */
public final class RdsFixture implements VpcDirectory {
    public static final String ACCOUNT = "000000000000";
    public static final String REGION = "ap-northeast-1";
    public static final String VPC = "vpc-0000000000000000a";
    public static final String OTHER_VPC = "vpc-0000000000000000b";
    public static final String SUBNET_A = "subnet-000000000000000a1";
    public static final String SUBNET_C = "subnet-000000000000000c1";
    public static final String OTHER_SUBNET = "subnet-000000000000000b1";
    public static final String DB_SG = "sg-00000000000000db1";
    public static final String DEFAULT_SG = "sg-0000000000000def1";
    public static final String OTHER_SG = "sg-00000000000000bb1";

    public final EmbeddedStore store = EmbeddedStore.inMemory();
    private final Map<String, Subnet> subnets = new HashMap<>();
    private final Map<String, SecurityGroup> groups = new HashMap<>();
    public Instant now = Instant.parse("2026-11-22T03:49:00Z");

    public RdsFixture() {
        List.<Table<?>>of(DbSubnetGroupRecord.TABLE, DbParameterGroupRecord.TABLE, OptionGroupRecord.TABLE, DbInstanceRecord.TABLE,
                DbSnapshotRecord.TABLE, EventRecord.TABLE, TagsRecord.TABLE).forEach(store::register);
        store.open();
        subnets.put(SUBNET_A, new Subnet(SUBNET_A, VPC, "ap-northeast-1a", "apne1-az4", "10.0.1.0/24"));
        subnets.put(SUBNET_C, new Subnet(SUBNET_C, VPC, "ap-northeast-1c", "apne1-az1", "10.0.2.0/24"));
        subnets.put(OTHER_SUBNET, new Subnet(OTHER_SUBNET, OTHER_VPC, "ap-northeast-1a", "apne1-az4", "10.1.1.0/24"));
        groups.put(DB_SG, new SecurityGroup(DB_SG, "db-sg", VPC));
        groups.put(DEFAULT_SG, new SecurityGroup(DEFAULT_SG, "default", VPC));
        groups.put(OTHER_SG, new SecurityGroup(OTHER_SG, "other", OTHER_VPC));
    }

    public RequestContext ctx() {
        return new RequestContext("req-1", Principal.root(ACCOUNT, "AKIDEXAMPLE"), REGION, "rds", "test", now, store);
    }

    public <T> T read(Function<Tx, T> work) {
        return store.read(new StoreScope(ACCOUNT, REGION), work);
    }

    public <T> T write(Function<Tx, T> work) {
        return store.write(new StoreScope(ACCOUNT, REGION), work);
    }

    /** Plays the runtime: changes the stored instance as a controller would. */
    public DbInstanceRecord runtime(String identifier, java.util.function.UnaryOperator<DbInstanceRecord> change) {
        return write(tx -> {
            DbInstanceRecord next = change.apply(tx.get(DbInstanceRecord.TABLE, identifier).orElseThrow());
            tx.put(DbInstanceRecord.TABLE, identifier, next);
            return next;
        });
    }

    public DbInstanceRecord instance(String identifier) {
        return read(tx -> tx.get(DbInstanceRecord.TABLE, identifier).orElseThrow());
    }

    public static void fails(ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            if (!e.code().equals(code)) {
                throw new AssertionError("expected " + code + " but got " + e.code() + ": " + e.getMessage());
            }
        });
    }

    @Override
    public Optional<Subnet> subnet(Tx tx, String subnetId) {
        return Optional.ofNullable(subnetId == null ? null : subnets.get(subnetId));
    }

    @Override
    public Optional<SecurityGroup> securityGroup(Tx tx, String groupId) {
        return Optional.ofNullable(groupId == null ? null : groups.get(groupId));
    }

    @Override
    public Optional<String> defaultSecurityGroup(Tx tx, String vpcId) {
        return VPC.equals(vpcId) ? Optional.of(DEFAULT_SG) : Optional.empty();
    }

    @Override
    public Optional<Instance> instance(Tx tx, String instanceId) {
        return Optional.empty();
    }

    @Override
    public Set<String> instanceTables() {
        return Set.of();
    }

    @Override
    public boolean vpcExists(Tx tx, String vpcId) {
        return VPC.equals(vpcId) || OTHER_VPC.equals(vpcId);
    }

    @Override
    public boolean hasInternetGateway(Tx tx, String vpcId) {
        return VPC.equals(vpcId);
    }

    @Override
    public boolean admitsTcp(Tx tx, List<String> groupIds, int port, String sourceIp) {
        return false;
    }

    @Override
    public List<String> vpcCidrs(Tx tx, String vpcId) {
        return List.of();
    }
}
