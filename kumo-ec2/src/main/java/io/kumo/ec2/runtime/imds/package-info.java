/**
 * The instance metadata service (IMDS) that answers at 169.254.169.254:80 inside each VPC's router namespace.
 *
 * <p>The caller's source address names the instance ({@link io.kumo.ec2.runtime.imds.InstanceMetadataSource}), so
 * one listener serves every instance of a VPC. Everything but {@link io.kumo.ec2.runtime.imds.ImdsHandler} is plain
 * Java over typed values: {@link io.kumo.ec2.runtime.imds.ImdsService} applies the access rules,
 * {@link io.kumo.ec2.runtime.imds.MetadataTree} knows the paths, {@link io.kumo.ec2.runtime.imds.ImdsTokens} the
 * IMDSv2 session tokens.
 *
 * <p>Choices where AWS's documentation leaves the behaviour open:
 * <ul>
 *   <li>A caller whose address is no known instance gets 404 on every path: the listener is shared by the VPC, and
 *       an honest "nothing here for you" is easier to debug than a dropped connection.</li>
 *   <li>{@code HttpEndpoint=disabled} answers 403 to every request (AWS lists 403 for "turned off"); the SDKs read a
 *       403 on the token PUT as "IMDS is disabled".</li>
 *   <li>A token header on a request makes it an IMDSv2 request even when tokens are optional, so a bad token is 401
 *       rather than silently falling back to IMDSv1.</li>
 *   <li>{@code HttpPutResponseHopLimit} is carried but not enforced: it is an IP TTL, which this HTTP layer does not
 *       set; the router namespace is one hop from every instance anyway.</li>
 *   <li>Methods other than GET, HEAD and PUT, GET on the token path and PUT elsewhere answer 405 with an Allow
 *       header; a PUT to a versioned token path ({@code /2021-03-23/api/token}) answers 403 as AWS documents.</li>
 *   <li>Every listed version serves today's tree: old scripts ask for paths that still exist.</li>
 *   <li>{@code iam/security-credentials/} is not served yet (404): credentials need STS, which the VPC router cannot
 *       reach today. {@code iam/info} is served when the instance has a profile.</li>
 * </ul>
 */
package io.kumo.ec2.runtime.imds;
