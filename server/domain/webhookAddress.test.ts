import { expect } from 'chai';
import { forbiddenAddress, isLocalHostName, refusedUrl } from './webhookAddress.js';

const expectReasons = (cases: readonly (readonly [string, string | null])[]) => {
  for (const [ip, reason] of cases) expect(forbiddenAddress(ip), ip).to.equal(reason);
};

describe('the webhook address rule (SSRF)', () => {
  it('refuses IPv4 loopback, private, shared, link-local and metadata addresses, including the edges of each range', () => {
    expectReasons([
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['10.0.0.0', 'private'],
      ['10.255.255.255', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.0.1', 'private'],
      ['192.168.255.255', 'private'],
      ['100.64.0.1', 'shared'],
      ['100.127.255.255', 'shared'],
      ['169.254.0.1', 'link_local'],
      ['169.254.169.254', 'metadata'],
      ['169.254.169.253', 'link_local'],
    ]);
  });

  it('refuses unspecified, multicast, broadcast, reserved and documentation IPv4 addresses', () => {
    expectReasons([
      ['0.0.0.0', 'unspecified'],
      ['0.1.2.3', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['239.255.255.255', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['240.0.0.1', 'reserved'],
      ['192.0.2.10', 'documentation'],
      ['198.18.0.1', 'reserved'],
    ]);
  });

  it('allows public IPv4 addresses, also right next to a forbidden range', () => {
    expectReasons([
      ['8.8.8.8', null],
      ['93.184.216.34', null],
      ['9.255.255.255', null],
      ['11.0.0.0', null],
      ['172.15.255.255', null],
      ['172.32.0.0', null],
      ['192.167.255.255', null],
      ['192.169.0.0', null],
      ['100.63.255.255', null],
      ['100.128.0.0', null],
      ['126.255.255.255', null],
      ['128.0.0.0', null],
      ['169.253.255.255', null],
      ['223.255.255.255', null],
    ]);
  });

  it('refuses IPv6 loopback, unspecified, unique local, link-local, multicast and the IPv6 metadata address', () => {
    expectReasons([
      ['::1', 'loopback'],
      ['0:0:0:0:0:0:0:1', 'loopback'],
      ['::', 'unspecified'],
      ['fc00::1', 'private'],
      ['fd12:3456:789a::1', 'private'],
      ['fd00:ec2::254', 'metadata'],
      ['fe80::1', 'link_local'],
      ['fe80::1%eth0', 'link_local'],
      ['febf:ffff::1', 'link_local'],
      ['fec0::1', 'private'],
      ['ff02::1', 'multicast'],
      ['2001:db8::1', 'documentation'],
    ]);
  });

  it('reads an IPv4 address inside IPv6 (mapped, compatible, NAT64, 6to4) as that IPv4 address', () => {
    expectReasons([
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::FFFF:10.0.0.1', 'private'],
      ['::ffff:169.254.169.254', 'metadata'],
      ['::ffff:8.8.8.8', null],
      ['::127.0.0.1', 'loopback'],
      ['64:ff9b::10.0.0.1', 'private'],
      ['64:ff9b::a9fe:a9fe', 'metadata'],
      ['64:ff9b::7f00:1', 'loopback'],
      ['64:ff9b::8.8.8.8', null],
      ['64:ff9b:1::1', 'private'],
      ['2002:c0a8:0101::1', 'private'],
      ['2002:0808:0808::1', null],
    ]);
  });

  it('allows public IPv6 addresses', () => {
    expectReasons([
      ['2a00:1450:400e:80f::200e', null],
      ['2606:4700::6810:84e5', null],
      ['fbff:ffff::1', null],
      ['fe7f::1', null],
    ]);
  });

  it('refuses anything that is not an IP address', () => {
    expectReasons([
      ['localhost', 'not_an_address'],
      ['', 'not_an_address'],
      ['256.0.0.1', 'not_an_address'],
      ['1.2.3', 'not_an_address'],
      ['01.2.3.4', 'not_an_address'],
      ['1::2::3', 'not_an_address'],
      ['12345::', 'not_an_address'],
      ['1:2:3:4:5:6:7:8:9', 'not_an_address'],
      ['[::1]', 'not_an_address'],
    ]);
  });

  it('knows localhost and its subdomains as this machine', () => {
    expect(['localhost', 'LOCALHOST.', 'api.localhost'].map(isLocalHostName)).to.deep.equal([true, true, true]);
    expect(['localhost.example.org', 'example.org', 'notlocalhost'].map(isLocalHostName)).to.deep.equal([false, false, false]);
  });
});

describe('the webhook URL rule at write time', () => {
  const refused = (url: string, allowPrivate = false) => refusedUrl(new URL(url), allowPrivate);

  it('takes https URLs to public hosts and addresses', () => {
    expect(refused('https://hooks.example.org/vangnet')).to.equal(null);
    expect(refused('https://93.184.216.34:8443/in')).to.equal(null);
    expect(refused('https://[2a00:1450:400e:80f::200e]/in')).to.equal(null);
  });

  it('refuses http, and literal loopback, private and metadata addresses, and localhost', () => {
    expect(refused('http://hooks.example.org/')).to.deep.equal({ code: 'webhook.https_only' });
    expect(refused('https://127.0.0.1:8443/')).to.deep.equal({ code: 'webhook.private_address', reason: 'loopback' });
    expect(refused('https://localhost:8443/')).to.deep.equal({ code: 'webhook.private_address', reason: 'loopback' });
    expect(refused('https://[::1]/')).to.deep.equal({ code: 'webhook.private_address', reason: 'loopback' });
    expect(refused('https://[::ffff:10.0.0.1]/')).to.deep.equal({ code: 'webhook.private_address', reason: 'private' });
    expect(refused('https://169.254.169.254/latest/meta-data')).to.deep.equal({ code: 'webhook.private_address', reason: 'metadata' });
    // The URL parser reads other spellings of an address as the address.
    expect(refused('https://0x7f.1/')).to.deep.equal({ code: 'webhook.private_address', reason: 'loopback' });
    expect(refused('https://2130706433/')).to.deep.equal({ code: 'webhook.private_address', reason: 'loopback' });
  });

  it('takes all of these when private addresses are allowed (development and tests)', () => {
    for (const url of ['http://127.0.0.1:3000/', 'https://localhost/', 'http://10.0.0.1/']) expect(refused(url, true), url).to.equal(null);
  });
});
