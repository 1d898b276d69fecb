import { describe, expect, test } from 'vitest';
import { isNonPublicAddress } from './non-public-address.js';

describe('isNonPublicAddress', () => {
  test('refuses loopback, private, link-local, unspecified and reserved space in every notation', () => {
    const refused = [
      '127.0.0.1',
      '127.255.0.9',
      '[::1]',
      '::',
      '0.0.0.0',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '100.64.1.1',
      '169.254.169.254',
      'fe80::1',
      'fd00::1',
      'ff02::1',
      '224.0.0.1',
      '255.255.255.255',
      '192.0.2.1',
      '::ffff:127.0.0.1',
      '[::ffff:7f00:1]',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::',
      '2130706433',
      '0x7f.1',
      'localhost',
      'not an address',
    ];
    expect(refused.filter((address) => !isNonPublicAddress(address))).toEqual([]);
  });

  test('lets public unicast addresses through, IPv4 carried in IPv6 included', () => {
    const allowed = [
      '8.8.8.8',
      '1.1.1.1',
      '93.184.215.14',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
    ];
    expect(allowed.filter((address) => isNonPublicAddress(address))).toEqual([]);
  });
});
