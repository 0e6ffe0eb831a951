import { roles } from '@convergence/contracts';
import { ContractOpsException } from './contract-ops.exception';
import { catalogOf, resolveRole, selectContracts } from './contract-catalog.util';

const deployment = {
  chainId: 31337,
  contracts: {
    trust: { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', deployBlock: 1 },
    covenant: { address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', deployBlock: 2 },
  },
};

describe(catalogOf.name, () => {
  it('lists the deployed demo contracts in the deployment order, addresses lowercased', () => {
    expect(catalogOf(deployment)).toEqual({
      chainId: 31337,
      contracts: [
        { name: 'trust', address: '0x5fbdb2315678afecb367f032d93f642f64180aa3' },
        { name: 'covenant', address: '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512' },
      ],
    });
  });

  it('refuses a contract that is not a demo contract, naming it', () => {
    expect(() =>
      catalogOf({
        chainId: 1,
        contracts: { ...deployment.contracts, bridge: { address: '0x' + '1'.repeat(40) } },
      }),
    ).toThrow('contracts file names unknown contracts: bridge');
  });
});

describe(selectContracts.name, () => {
  const catalog = catalogOf(deployment);

  it('selects one contract by name, whatever its case, or all of them', () => {
    expect(selectContracts(catalog, 'TRUST').map((c) => c.name)).toEqual(['trust']);
    expect(selectContracts(catalog, 'all').map((c) => c.name)).toEqual(['trust', 'covenant']);
  });

  it('answers 404 naming an unknown contract and the known ones', () => {
    const error = catchError(() => selectContracts(catalog, 'governor'));
    expect(error.getStatus()).toBe(404);
    expect(error.getResponse()).toMatchObject({
      type: 'urn:convergence:contract-ops:unknown-contract',
      detail: 'contract "governor" is not in the deployment (known: trust, covenant)',
    });
  });
});

describe(resolveRole.name, () => {
  it('resolves a role name to its id, and names a known id', () => {
    expect(resolveRole('PAUSER_ROLE')).toEqual({ role: 'PAUSER_ROLE', roleId: roles.PAUSER_ROLE });
    expect(resolveRole(roles.DEFAULT_ADMIN_ROLE)).toEqual({
      role: 'DEFAULT_ADMIN_ROLE',
      roleId: roles.DEFAULT_ADMIN_ROLE,
    });
  });

  it('keeps an unknown 32-byte id as it is', () => {
    const id = '0x' + 'AB'.repeat(32);
    expect(resolveRole(id)).toEqual({ role: id.toLowerCase(), roleId: id.toLowerCase() });
  });

  it('answers 400 naming an unknown role name', () => {
    const error = catchError(() => resolveRole('BURNER_ROLE'));
    expect(error.getStatus()).toBe(400);
    expect((error.getResponse() as { detail: string }).detail).toContain('role "BURNER_ROLE" is neither');
  });
});

function catchError(run: () => unknown): ContractOpsException {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractOpsException) return error;
    throw error;
  }
  throw new Error('expected a ContractOpsException');
}
