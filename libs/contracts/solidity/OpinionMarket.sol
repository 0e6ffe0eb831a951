// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {RolePausable} from "./RolePausable.sol";
import {IVRFCoordinator, IVRFConsumer} from "./VrfInterfaces.sol";

/// @notice Opinion markets: people stake a token behind a hashed opinion, an oracle scores the crowd's
/// sentiment after close, and VRF randomness picks one stake-weighted winner who takes the whole pot.
contract OpinionMarket is IVRFConsumer, RolePausable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    bytes32 public constant ORACLE_ROLE = keccak256("ORACLE_ROLE");
    uint32 public constant CALLBACK_GAS_LIMIT = 200_000;
    uint16 public constant REQUEST_CONFIRMATIONS = 3;
    uint8 public constant MAX_SCORE = 100;

    enum MarketStatus {
        None,
        Open,
        Closed,
        RandomnessRequested,
        RandomnessFulfilled,
        Settled
    }

    struct Market {
        address creator;
        uint64 closesAt;
        MarketStatus status;
        bool sentimentRecorded;
        uint8 sentimentScore;
        uint8 sentimentConfidence;
        bool prizeClaimed;
        address winner;
        uint256 totalStaked;
        uint256 requestId;
        uint256 randomWord;
        string statement;
    }

    struct StakeEntry {
        address staker;
        uint256 amount;
        bytes32 opinionHash;
        // Running total including this entry: the lottery binary-searches these bounds.
        uint256 cumulative;
    }

    IERC20 public immutable stakeToken;
    IVRFCoordinator public immutable vrfCoordinator;
    bytes32 public immutable keyHash;
    uint64 public immutable subscriptionId;

    uint256 public marketCount;
    mapping(uint256 marketId => Market) private _markets;
    mapping(uint256 marketId => StakeEntry[]) private _stakes;
    mapping(uint256 marketId => mapping(address staker => uint256)) public stakedBy;
    mapping(uint256 requestId => uint256 marketId) public marketIdForRequest;

    event MarketCreated(uint256 indexed marketId, address indexed creator, string statement, uint64 closesAt);
    event Staked(
        uint256 indexed marketId,
        address indexed staker,
        uint256 amount,
        bytes32 opinionHash,
        uint256 totalStaked
    );
    event MarketClosed(uint256 indexed marketId, address indexed closedBy, uint256 totalStaked);
    event SentimentRecorded(uint256 indexed marketId, address indexed oracle, uint8 score, uint8 confidence);
    event RandomnessRequested(uint256 indexed marketId, uint256 indexed requestId);
    event RandomnessFulfilled(uint256 indexed marketId, uint256 indexed requestId, uint256 randomWord);
    event MarketSettled(uint256 indexed marketId, address indexed winner, uint256 prize, uint256 randomWord);
    event PrizeClaimed(uint256 indexed marketId, address indexed winner, uint256 amount);

    error InvalidStatement();
    error InvalidCloseTime(uint64 closesAt);
    error UnknownMarket(uint256 marketId);
    error UnexpectedStatus(uint256 marketId, MarketStatus current);
    error MarketNotOpenForStakes(uint256 marketId);
    error ZeroAmount();
    error NotAllowedToCloseEarly(address caller);
    error InvalidSentiment(uint8 score, uint8 confidence);
    error SentimentMissing(uint256 marketId);
    error NoStakes(uint256 marketId);
    error OnlyCoordinatorCanFulfill(address have, address want);
    error UnknownRequest(uint256 requestId);
    error NotWinner(address caller);
    error PrizeAlreadyClaimed(uint256 marketId);

    constructor(
        address admin,
        IERC20 stakeToken_,
        IVRFCoordinator vrfCoordinator_,
        bytes32 keyHash_,
        uint64 subscriptionId_
    ) RolePausable(admin) {
        stakeToken = stakeToken_;
        vrfCoordinator = vrfCoordinator_;
        keyHash = keyHash_;
        subscriptionId = subscriptionId_;
    }

    function createMarket(string calldata statement, uint64 closesAt) external whenNotPaused returns (uint256 marketId) {
        if (bytes(statement).length == 0) revert InvalidStatement();
        if (closesAt <= block.timestamp) revert InvalidCloseTime(closesAt);
        marketId = ++marketCount;
        Market storage market = _markets[marketId];
        market.creator = msg.sender;
        market.closesAt = closesAt;
        market.status = MarketStatus.Open;
        market.statement = statement;
        emit MarketCreated(marketId, msg.sender, statement, closesAt);
    }

    /// @notice Pulls `amount` of the stake token (approve first); the opinion itself stays off-chain.
    function stake(uint256 marketId, uint256 amount, bytes32 opinionHash) external whenNotPaused nonReentrant {
        Market storage market = _market(marketId);
        if (market.status != MarketStatus.Open || block.timestamp >= market.closesAt) {
            revert MarketNotOpenForStakes(marketId);
        }
        if (amount == 0) revert ZeroAmount();
        uint256 total = market.totalStaked + amount;
        market.totalStaked = total;
        stakedBy[marketId][msg.sender] += amount;
        _stakes[marketId].push(StakeEntry(msg.sender, amount, opinionHash, total));
        stakeToken.safeTransferFrom(msg.sender, address(this), amount);
        emit Staked(marketId, msg.sender, amount, opinionHash, total);
    }

    /// @notice Anyone may close after closesAt; the creator or an admin may close early.
    function closeMarket(uint256 marketId) external whenNotPaused {
        Market storage market = _marketIn(marketId, MarketStatus.Open);
        bool early = block.timestamp < market.closesAt;
        if (early && msg.sender != market.creator && !hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            revert NotAllowedToCloseEarly(msg.sender);
        }
        market.status = MarketStatus.Closed;
        emit MarketClosed(marketId, msg.sender, market.totalStaked);
    }

    /// @notice The oracle may (re)score while the market is open or closed, until randomness is requested.
    function recordSentiment(
        uint256 marketId,
        uint8 score,
        uint8 confidence
    ) external onlyRole(ORACLE_ROLE) whenNotPaused {
        Market storage market = _market(marketId);
        if (market.status != MarketStatus.Open && market.status != MarketStatus.Closed) {
            revert UnexpectedStatus(marketId, market.status);
        }
        if (score > MAX_SCORE || confidence > MAX_SCORE) revert InvalidSentiment(score, confidence);
        market.sentimentRecorded = true;
        market.sentimentScore = score;
        market.sentimentConfidence = confidence;
        emit SentimentRecorded(marketId, msg.sender, score, confidence);
    }

    /// @notice Needs a closed, scored market with stakes; an admin may re-request if the coordinator never answered.
    function requestRandomness(uint256 marketId) external whenNotPaused returns (uint256 requestId) {
        Market storage market = _market(marketId);
        bool retry = market.status == MarketStatus.RandomnessRequested && hasRole(DEFAULT_ADMIN_ROLE, msg.sender);
        if (market.status != MarketStatus.Closed && !retry) revert UnexpectedStatus(marketId, market.status);
        if (!market.sentimentRecorded) revert SentimentMissing(marketId);
        if (market.totalStaked == 0) revert NoStakes(marketId);
        requestId = vrfCoordinator.requestRandomWords(
            keyHash,
            subscriptionId,
            REQUEST_CONFIRMATIONS,
            CALLBACK_GAS_LIMIT,
            1
        );
        market.status = MarketStatus.RandomnessRequested;
        market.requestId = requestId;
        marketIdForRequest[requestId] = marketId;
        emit RandomnessRequested(marketId, requestId);
    }

    /// @dev Deliberately not pausable: a reverted VRF callback is never retried, so pausing would lose the word.
    function rawFulfillRandomWords(uint256 requestId, uint256[] memory randomWords) external {
        if (msg.sender != address(vrfCoordinator)) {
            revert OnlyCoordinatorCanFulfill(msg.sender, address(vrfCoordinator));
        }
        uint256 marketId = marketIdForRequest[requestId];
        Market storage market = _markets[marketId];
        if (marketId == 0 || market.requestId != requestId || market.status != MarketStatus.RandomnessRequested) {
            revert UnknownRequest(requestId);
        }
        market.status = MarketStatus.RandomnessFulfilled;
        market.randomWord = randomWords[0];
        emit RandomnessFulfilled(marketId, requestId, randomWords[0]);
    }

    /// @notice Picks the winner: the stake whose cumulative range contains randomWord % totalStaked.
    function settleLottery(uint256 marketId) external whenNotPaused returns (address winner) {
        Market storage market = _marketIn(marketId, MarketStatus.RandomnessFulfilled);
        winner = _stakes[marketId][_pickIndex(marketId, market.randomWord % market.totalStaked)].staker;
        market.status = MarketStatus.Settled;
        market.winner = winner;
        emit MarketSettled(marketId, winner, market.totalStaked, market.randomWord);
    }

    function claimPrize(uint256 marketId) external whenNotPaused nonReentrant returns (uint256 amount) {
        Market storage market = _marketIn(marketId, MarketStatus.Settled);
        if (msg.sender != market.winner) revert NotWinner(msg.sender);
        if (market.prizeClaimed) revert PrizeAlreadyClaimed(marketId);
        market.prizeClaimed = true;
        amount = market.totalStaked;
        stakeToken.safeTransfer(msg.sender, amount);
        emit PrizeClaimed(marketId, msg.sender, amount);
    }

    function getMarket(uint256 marketId) external view returns (Market memory) {
        return _markets[marketId];
    }

    function stakeCount(uint256 marketId) external view returns (uint256) {
        return _stakes[marketId].length;
    }

    function getStake(uint256 marketId, uint256 index) external view returns (StakeEntry memory) {
        return _stakes[marketId][index];
    }

    /// @dev First entry whose cumulative bound exceeds `ticket` (entries are sorted by construction).
    function _pickIndex(uint256 marketId, uint256 ticket) private view returns (uint256) {
        StakeEntry[] storage entries = _stakes[marketId];
        uint256 low = 0;
        uint256 high = entries.length - 1;
        while (low < high) {
            uint256 mid = (low + high) / 2;
            if (entries[mid].cumulative > ticket) high = mid;
            else low = mid + 1;
        }
        return low;
    }

    function _market(uint256 marketId) private view returns (Market storage market) {
        market = _markets[marketId];
        if (market.status == MarketStatus.None) revert UnknownMarket(marketId);
    }

    function _marketIn(uint256 marketId, MarketStatus expected) private view returns (Market storage market) {
        market = _market(marketId);
        if (market.status != expected) revert UnexpectedStatus(marketId, market.status);
    }
}
