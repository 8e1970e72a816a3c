namespace RuralMarket.Web.Pages.Shared;

public enum StockState
{
    InStock,
    Low,
    SoldOut,
}

public static class StockStates
{
    public static StockState Of(int stock) => stock <= 0
        ? StockState.SoldOut
        : stock <= ProductCardView.LowStockThreshold ? StockState.Low : StockState.InStock;
}
